package markdown

import (
	"reflect"
	"testing"
)

func TestSections(t *testing.T) {
	src := "# Title\n\nIntro *text*.\n\n## First one\n\nAlpha.\n\n#### Deep\n\nBeta.\n\n### Sub\n\n- gamma\n\n## First one\n\nDelta &amp; epsilon.\n"
	d := New(Options{}).Parse([]byte(src))
	intro, secs := d.Sections()
	if intro != "Intro text." {
		t.Errorf("intro = %q", intro)
	}
	want := []Section{
		{2, "first-one", "First one", "Alpha.\n\nDeep\n\nBeta."},
		{3, "sub", "Sub", "gamma"},
		{2, "first-one-1", "First one", "Delta & epsilon."},
	}
	if !reflect.DeepEqual(secs, want) {
		t.Errorf("sections =\n%#v\nwant\n%#v", secs, want)
	}
}
