package generator

import (
	"reflect"
	"testing"

	"github.com/teamhandbook/handbook/generator/markdown"
)

func TestBodyText(t *testing.T) {
	for _, tt := range []struct {
		intro string
		secs  []markdown.Section
	}{
		{"", nil},
		{"Before the first heading.", nil},
		{"", []markdown.Section{{Level: 2, ID: "duties", Title: "Duties", Text: "Runs the review."}}},
		{"Intro é ✓", []markdown.Section{
			{Level: 2, ID: "a", Title: "A", Text: ""},
			{Level: 3, ID: "b-1", Title: "B <1>", Text: string(make([]byte, 300))},
			{Level: 2, ID: "", Title: "", Text: "x"},
		}},
	} {
		rec := string(appendBodyText(nil, tt.intro, tt.secs))
		intro, secs, err := parseBodyText(rec)
		if err != nil || intro != tt.intro || !reflect.DeepEqual(secs, tt.secs) {
			t.Errorf("parseBodyText(appendBodyText(%q, %v)) = %q, %v, %v; want them back", tt.intro, tt.secs, intro, secs, err)
		}
		for cut := range len(rec) {
			if _, _, err := parseBodyText(rec[:cut]); err == nil {
				t.Errorf("parseBodyText of the first %d of %d bytes: no error", cut, len(rec))
			}
		}
		if _, _, err := parseBodyText(rec + "x"); err == nil {
			t.Errorf("parseBodyText with a byte too many: no error")
		}
	}
}
