package knowledge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// person is what a test expects of a mention: its name, office and country.
type person struct{ Name, Title, Aff string }

// TestMentionShapes covers name and office shapes that first came up in
// readouts the extractor had never seen: portfolios listed with commas,
// particles joined to a surname by a hyphen.
func TestMentionShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []person
	}{
		{
			name: "portfolio list with a comma",
			text: "Minister of Foreign Affairs, Trade and Development Anita Rowe met the delegation.",
			want: []person{{"Anita Rowe", "Minister of Foreign Affairs, Trade and Development", ""}},
		},
		{
			name: "hyphenated particles",
			text: "Foreign Minister Yusuf bin Hamad al-Kuwari spoke with Salma el-Tayeb of Sudan.",
			want: []person{{"Yusuf bin Hamad al-Kuwari", "Foreign Minister", ""}, {"Salma el-Tayeb", "", "Sudan"}},
		},
		{
			name: "comma before and between two people",
			text: "Mr. Ito, Minister for Trade, and Ms. Lee, Minister of Finance of Canada, met.",
			want: []person{{"Ito", "Minister for Trade", ""}, {"Lee", "Minister of Finance", "Canada"}},
		},
		{
			name: "one-word name after an office with its portfolio",
			text: "Minister of Trade Suharno met Secretary of Commerce Blake.",
			want: []person{{"Suharno", "Minister of Trade", ""}, {"Blake", "Secretary of Commerce", ""}},
		},
		{
			name: "institution noun after an office is not a name",
			text: "the Minister of Foreign Trade Promotion spoke.",
			want: []person{},
		},
		{
			name: "a meal is not a person",
			text: "Governor Ana Ruiz's Working Lunch with Mayor Tom Bell",
			want: []person{{"Ana Ruiz", "Governor", ""}, {"Tom Bell", "Mayor", ""}},
		},
		{
			name: "diaspora portfolio",
			text: "Minister of Foreign Affairs and Expatriates Karim Haddad received the envoy.",
			want: []person{{"Karim Haddad", "Minister of Foreign Affairs and Expatriates", ""}, {"", "Envoy", ""}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := []person{}
			for _, m := range findMentions(tc.text) {
				got = append(got, person{m.name, m.title, m.aff})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findMentions(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
