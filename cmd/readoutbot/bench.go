package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/readoutgen"
)

// cmdBench measures the engine at several corpus sizes against bare bleve
// (same mapping, same batch size, no extraction) and prints one table:
// `readoutbot bench --n 1000,10000,100000 [--seed S] [--dir TMP]`.
func cmdBench(ctx context.Context, app *App, args []string) error {
	fs := app.flags("bench", "[--n 1000,10000,100000] [--seed S] [--dir TMP] [--repeat R] [--questions K] [--cpuprofile FILE] [--memprofile FILE] [--keep]")
	sizes := fs.String("n", "1000,10000", "corpus sizes, comma-separated (1k and 10k work too)")
	seed := fs.Int64("seed", 1, "corpus seed")
	dir := fs.String("dir", "", "folder for the indexes (default: a new temporary folder)")
	repeat := fs.Int("repeat", 5, "times each question and name prefix is asked")
	perKind := fs.Int("questions", 6, "questions of each kind in the ask mix")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `FILE`")
	memprofile := fs.String("memprofile", "", "write a heap profile after the last size to `FILE`")
	keep := fs.Bool("keep", false, "keep the indexes after the run")
	if err := parse(fs, args); err != nil {
		return err
	}
	ns, err := parseSizes(*sizes)
	if err != nil || fs.NArg() > 0 || *repeat < 1 || *perKind < 1 {
		if err != nil {
			fmt.Fprintln(app.Stderr, err)
		}
		fs.Usage()
		return errUsage
	}
	base := *dir
	if base == "" {
		base, err = os.MkdirTemp("", "readoutbot-bench-")
		if err != nil {
			return fmt.Errorf("bench folder: %w", err)
		}
	} else if err := os.MkdirAll(base, 0o755); err != nil {
		return fmt.Errorf("bench folder: %w", err)
	}
	if !*keep {
		defer os.RemoveAll(base)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	load0 := loadAverage()
	b := &bencher{app: app, gen: readoutgen.New(*seed), base: base, repeat: *repeat, perKind: *perKind}
	var rows []benchRow
	for _, n := range ns {
		row, err := b.run(ctx, n)
		if err != nil {
			return fmt.Errorf("bench at %d readouts: %w", n, err)
		}
		rows = append(rows, row)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
	}
	fmt.Fprintf(app.Stdout, "readoutbot bench --n %s --seed %d --repeat %d --questions %d (GOMAXPROCS %d, %s; load average %s at start, %s at end)\n\n",
		*sizes, *seed, *repeat, *perKind, runtime.GOMAXPROCS(0), runtime.Version(), load0, loadAverage())
	writeBenchTable(app.Stdout, rows)
	return nil
}

// parseSizes reads "1000,10k,100000".
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		mul := 1
		if strings.HasSuffix(f, "k") {
			mul, f = 1000, strings.TrimSuffix(f, "k")
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("bad corpus size %q", f)
		}
		out = append(out, n*mul)
	}
	return out, nil
}

// benchRow is every figure taken at one corpus size.
type benchRow struct {
	N int

	IngestRate, BareIngestRate float64 // readouts per second of wall time
	// IngestCPU and BareIngestCPU are CPU time (user + system, all threads)
	// per readout: steadier than wall time on a machine shared with others.
	IngestCPU, BareIngestCPU time.Duration
	NotReadouts              int // readouts Extract refused

	AskP50, AskP99, BareP50, BareP99 time.Duration
	// AskCPU* are the CPU time each question took, which waiting for a core
	// held by another program does not inflate.
	AskCPUP50, AskCPUP99, BareCPUP50, BareCPUP99 time.Duration
	Answerable, Answered                         int // answerable questions, and how many got an answer
	Unanswerable, Padded                         int // unanswerable ones, and how many got an answer anyway

	SuggestP50, SuggestP99 time.Duration

	Open time.Duration

	IngestRSS, IngestHeap uint64 // peaks while ingesting
	AskRSS, AskHeap       uint64 // peaks while answering and completing
	RSSResetWorked        bool

	DiskPerReadout, BareDiskPerReadout float64 // bytes
}

type bencher struct {
	app     *App
	gen     *readoutgen.Generator
	base    string
	repeat  int
	perKind int
}

func (b *bencher) progress(format string, args ...any) {
	fmt.Fprintf(b.app.Stderr, "bench: "+format+"\n", args...)
}

// chunk generates readouts [from, from+n), adding the CPU time it took to
// genCPU so that phases can leave generation out.
func (b *bencher) chunk(from, n int, genCPU *time.Duration) []knowledge.Readout {
	start := cpuTime()
	rs := make([]knowledge.Readout, n)
	for i := range rs {
		rs[i] = b.gen.Readout(from + i)
	}
	*genCPU += cpuTime() - start
	return rs
}

// cpuTime is the process's CPU time so far, user and system, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (b *bencher) run(ctx context.Context, n int) (benchRow, error) {
	row := benchRow{N: n}
	bareDir := filepath.Join(b.base, fmt.Sprintf("bare-%d", n))
	engDir := filepath.Join(b.base, fmt.Sprintf("engine-%d", n))
	for _, d := range []string{bareDir, engDir} {
		if err := os.RemoveAll(d); err != nil {
			return row, err
		}
	}
	size := knowledge.BenchBatchSize

	// Bare bleve first: the floor. Generation is outside the timings, and
	// only one chunk of readouts is in memory at a time.
	b.progress("%d: bare bleve ingest", n)
	bx, err := knowledge.NewBareIndex(bareDir)
	if err != nil {
		return row, err
	}
	var spent, genCPU time.Duration
	cpu0 := cpuTime()
	for from := 0; from < n; from += size {
		rs := b.chunk(from, min(size, n-from), &genCPU)
		start := time.Now()
		if err := bx.Add(ctx, rs...); err != nil {
			bx.Close()
			return row, err
		}
		spent += time.Since(start)
	}
	start := time.Now()
	if err := bx.Close(); err != nil {
		return row, err
	}
	spent += time.Since(start)
	row.BareIngestRate = float64(n) / spent.Seconds()
	row.BareIngestCPU = (cpuTime() - cpu0 - genCPU) / time.Duration(n)

	// The engine: extract + index through Index.Add, the path every
	// readout takes.
	b.progress("%d: engine ingest", n)
	runtime.GC()
	mem := startMemWatch()
	ix, err := knowledge.Open(engDir, knowledge.Options{Logger: b.app.Logger})
	if err != nil {
		mem.stop()
		return row, err
	}
	spent, genCPU, cpu0 = 0, 0, cpuTime()
	for from := 0; from < n; from += size {
		rs := b.chunk(from, min(size, n-from), &genCPU)
		start := time.Now()
		res, err := ix.Add(ctx, rs...)
		if err != nil {
			ix.Close()
			mem.stop()
			return row, err
		}
		spent += time.Since(start)
		for _, r := range res {
			if r.Err != nil {
				row.NotReadouts++
			}
		}
	}
	start = time.Now()
	if err := ix.Close(); err != nil {
		mem.stop()
		return row, err
	}
	spent += time.Since(start)
	row.IngestRate = float64(n) / spent.Seconds()
	row.IngestCPU = (cpuTime() - cpu0 - genCPU) / time.Duration(n)
	row.IngestRSS, row.IngestHeap, row.RSSResetWorked = mem.stop()

	// Open: from nothing to ready on the index just built.
	b.progress("%d: open", n)
	runtime.GC()
	mem = startMemWatch()
	start = time.Now()
	ix, err = knowledge.Open(engDir, knowledge.Options{Logger: b.app.Logger})
	if err != nil {
		mem.stop()
		return row, err
	}
	row.Open = time.Since(start)
	defer ix.Close()
	if bx, err = knowledge.OpenBareIndex(bareDir); err != nil {
		mem.stop()
		return row, err
	}
	defer bx.Close()

	// Ask: the same fixed mix against both, interleaved so that load from
	// elsewhere on the machine falls on both alike. One warm-up pass first.
	b.progress("%d: ask", n)
	qs := b.gen.Questions(n, b.perKind)
	var ask, bare, askCPU, bareCPU []time.Duration
	for pass := 0; pass <= b.repeat; pass++ {
		for _, q := range qs {
			cpu := cpuTime()
			start := time.Now()
			_, err := ix.Ask(ctx, q.Text)
			took := time.Since(start)
			tookCPU := cpuTime() - cpu
			if err != nil && !errors.Is(err, knowledge.ErrNoAnswer) {
				mem.stop()
				return row, fmt.Errorf("ask %q: %w", q.Text, err)
			}
			cpu = cpuTime()
			start = time.Now()
			if _, err := bx.Match(ctx, q.Text, 10); err != nil {
				mem.stop()
				return row, err
			}
			bareTook := time.Since(start)
			bareTookCPU := cpuTime() - cpu
			if pass == 0 {
				if q.Answerable {
					row.Answerable++
					if err == nil {
						row.Answered++
					}
				} else {
					row.Unanswerable++
					if err == nil {
						row.Padded++
					}
				}
				continue
			}
			ask = append(ask, took)
			bare = append(bare, bareTook)
			askCPU = append(askCPU, tookCPU)
			bareCPU = append(bareCPU, bareTookCPU)
		}
	}
	row.AskP50, row.AskP99 = percentile(ask, 50), percentile(ask, 99)
	row.BareP50, row.BareP99 = percentile(bare, 50), percentile(bare, 99)
	row.AskCPUP50, row.AskCPUP99 = percentile(askCPU, 50), percentile(askCPU, 99)
	b.slowest(qs, askCPU)
	row.BareCPUP50, row.BareCPUP99 = percentile(bareCPU, 50), percentile(bareCPU, 99)

	b.progress("%d: autocomplete", n)
	var sug []time.Duration
	prefixes := b.gen.NamePrefixes(200)
	for pass := 0; pass <= b.repeat; pass++ {
		for _, p := range prefixes {
			start := time.Now()
			if _, err := ix.Suggest(ctx, knowledge.FieldPerson, p, 25); err != nil {
				mem.stop()
				return row, fmt.Errorf("suggest %q: %w", p, err)
			}
			if pass > 0 {
				sug = append(sug, time.Since(start))
			}
		}
	}
	row.SuggestP50, row.SuggestP99 = percentile(sug, 50), percentile(sug, 99)
	row.AskRSS, row.AskHeap, _ = mem.stop()

	if row.DiskPerReadout, err = perReadout(engDir, n); err != nil {
		return row, err
	}
	if row.BareDiskPerReadout, err = perReadout(bareDir, n); err != nil {
		return row, err
	}
	b.progress("%d: done", n)
	return row, nil
}

// slowest names the questions that took the most CPU, on stderr, so a
// high p99 points at its cause. cpu holds repeat passes over qs in order.
func (b *bencher) slowest(qs []readoutgen.Question, cpu []time.Duration) {
	worst := make([]time.Duration, len(qs))
	for i, d := range cpu {
		worst[i%len(qs)] = max(worst[i%len(qs)], d)
	}
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return int(worst[y] - worst[x]) })
	for _, i := range order[:min(3, len(order))] {
		b.progress("  slow question (%s, %s CPU): %s", qs[i].Kind, dur(worst[i]), qs[i].Text)
	}
}

// percentile is the nearest-rank percentile of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	k := (p*len(s) + 99) / 100
	return s[max(k-1, 0)]
}

// perReadout is the size on disk of dir divided by n.
func perReadout(dir string, n int) (float64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			total += st.Blocks * 512 // what the disk holds, not the apparent size
		} else {
			total += fi.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("index size: %w", err)
	}
	return float64(total) / float64(n), nil
}

// memWatch records the peak RSS and Go heap over a phase: the kernel's
// high-water mark (reset at the start when the kernel allows it) and the
// largest heap seen by sampling every 20 ms.
type memWatch struct {
	done     chan struct{}
	wg       sync.WaitGroup
	heap     uint64
	resetHWM bool
}

func startMemWatch() *memWatch {
	w := &memWatch{done: make(chan struct{})}
	// Writing 5 to clear_refs resets VmHWM (Linux 4.0+).
	w.resetHWM = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > w.heap {
			w.heap = v
		}
	}
	read()
	w.wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.done:
				read()
				return
			case <-t.C:
				read()
			}
		}
	})
	return w
}

// stop ends the phase and returns its peak RSS and heap, and whether the
// RSS peak is the phase's own rather than the process's.
func (w *memWatch) stop() (rss, heap uint64, own bool) {
	close(w.done)
	w.wg.Wait()
	return peakRSS(), w.heap, w.resetHWM
}

// peakRSS is VmHWM from /proc/self/status, or getrusage's maxrss.
func peakRSS() uint64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				f := strings.Fields(rest)
				if len(f) > 0 {
					if kb, err := strconv.ParseUint(f[0], 10, 64); err == nil {
						return kb << 10
					}
				}
			}
		}
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		return uint64(ru.Maxrss) << 10
	}
	return 0
}

// writeBenchTable prints the one table: a row per figure, a column per
// corpus size, and the target at the largest size.
func writeBenchTable(w io.Writer, rows []benchRow) {
	head := []string{"figure"}
	sep := []string{"---"}
	for _, r := range rows {
		head = append(head, sizeLabel(r.N))
		sep = append(sep, "---:")
	}
	head = append(head, "target (100k, 2 cores)")
	sep = append(sep, "---")
	fmt.Fprintf(w, "| %s |\n| %s |\n", strings.Join(head, " | "), strings.Join(sep, " | "))
	line := func(name, target string, cell func(benchRow) string) {
		cells := []string{name}
		for _, r := range rows {
			cells = append(cells, cell(r))
		}
		cells = append(cells, target)
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	line("ingest, readouts/s: engine (extract + index)", "", func(r benchRow) string { return fmt.Sprintf("%.0f", r.IngestRate) })
	line("ingest, readouts/s: bare bleve", "", func(r benchRow) string { return fmt.Sprintf("%.0f", r.BareIngestRate) })
	line("ingest: engine / bare", "≥ 0.7×", func(r benchRow) string { return fmt.Sprintf("%.2f×", r.IngestRate/r.BareIngestRate) })
	line("ingest CPU per readout: engine / bare", "", func(r benchRow) string { return dur(r.IngestCPU) + " / " + dur(r.BareIngestCPU) })
	line("ingest by CPU time: engine / bare", "", func(r benchRow) string {
		return fmt.Sprintf("%.2f×", float64(r.BareIngestCPU)/float64(max(r.IngestCPU, 1)))
	})
	line("ask p50: engine / bare match", "", func(r benchRow) string { return dur(r.AskP50) + " / " + dur(r.BareP50) })
	line("ask p99: engine / bare match", "< 100 ms", func(r benchRow) string { return dur(r.AskP99) + " / " + dur(r.BareP99) })
	line("ask p99: engine / bare", "≤ 1.5×", func(r benchRow) string { return fmt.Sprintf("%.1f×", float64(r.AskP99)/float64(max(r.BareP99, 1))) })
	line("ask CPU p50: engine / bare match", "", func(r benchRow) string { return dur(r.AskCPUP50) + " / " + dur(r.BareCPUP50) })
	line("ask CPU p99: engine / bare match", "", func(r benchRow) string { return dur(r.AskCPUP99) + " / " + dur(r.BareCPUP99) })
	line("answered: answerable / unanswerable (padded)", "", func(r benchRow) string {
		return fmt.Sprintf("%d/%d, %d/%d", r.Answered, r.Answerable, r.Padded, r.Unanswerable)
	})
	line("autocomplete p50 / p99 (name prefixes)", "p99 < 20 ms", func(r benchRow) string { return dur(r.SuggestP50) + " / " + dur(r.SuggestP99) })
	line("open existing index", "< 2 s", func(r benchRow) string { return dur(r.Open) })
	line("peak RSS / heap while ingesting", "RSS < 1 GB", func(r benchRow) string { return mb(r.IngestRSS) + " / " + mb(r.IngestHeap) })
	line("peak RSS / heap while answering", "RSS < 1 GB", func(r benchRow) string { return mb(r.AskRSS) + " / " + mb(r.AskHeap) })
	line("disk per readout: engine / bare", "", func(r benchRow) string {
		return fmt.Sprintf("%.1f KB / %.1f KB", r.DiskPerReadout/1024, r.BareDiskPerReadout/1024)
	})
	line("readouts Extract refused", "", func(r benchRow) string { return strconv.Itoa(r.NotReadouts) })
	for _, r := range rows {
		if !r.RSSResetWorked {
			fmt.Fprintln(w, "\nPeak RSS is the process's since start: this kernel would not reset the high-water mark per phase.")
			break
		}
	}
}

func sizeLabel(n int) string {
	if n%1000 == 0 {
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

func dur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
}

func mb(b uint64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

// loadAverage is the one-minute load average, which says how much other
// work shared the machine during a run.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "unknown"
}
