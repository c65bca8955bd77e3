package knowledge

import (
	"errors"
	"testing"
)

// A speech that greets and thanks its audience is refused even when it
// mentions meetings in passing; a readout that quotes a greeting is not.
func TestSpeechGreetingsAreRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		refuse     bool
	}{
		{
			name:   "a keynote that greets and thanks its audience",
			text:   "Keynote address by Governor Ana Ruiz at the Lima Fintech Week\n\nLima, 3 March 2026\n\nGood morning, and thank you to the organisers for inviting me.\n\nWhen I met with bank chief executives last month, they asked for clearer rules on instant payments. Today I will set out our plans.\n\nFirst, we will publish guidance on fraud.\n\nThank you.",
			refuse: true,
		},
		{
			name:   "an interview of questions and answers",
			text:   "INTERVIEW\n\nQ: Minister, you met your Indonesian counterpart yesterday. What did you discuss?\n\nMinister Lena Vogt: We talked about palm oil. I told her that Europe will keep its traceability rules.\n\nQ: Will there be a follow-up?\n\nMinister Lena Vogt: Yes, our officials will meet in Jakarta next month.",
			refuse: true,
		},
		{
			name:   "a readout that quotes a greeting",
			text:   "Lima, 3 March 2026\n\nGovernor Ana Ruiz met Governor Tomas Vidal of the Central Bank of Chile in Lima today. \"Good morning, and welcome to Lima,\" Governor Ruiz said as she opened the talks.\n\nGovernor Vidal proposed a payments link between the two countries.",
			refuse: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := extractPlain(t, "t.txt", tt.text)
			if got := errors.Is(err, ErrNotReadout); got != tt.refuse {
				t.Errorf("refused = %v (err %v), want %v", got, err, tt.refuse)
			}
		})
	}
}
