package search

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []Word
	}{
		{"Café au lait", []Word{{"cafe", nil}, {"au", nil}, {"lait", nil}}},
		{"time.ParseDuration", []Word{{"time.parseduration", []string{"time", "parse", "duration"}}}},
		{"on-call, max_retries", []Word{{"on-call", []string{"on", "call"}}, {"max_retries", []string{"max", "retries"}}}},
		{"C++ and C#.", []Word{{"c++", nil}, {"and", nil}, {"c#", nil}}},
		{"99.9% uptime", []Word{{"99.9%", []string{"99", "9"}}, {"uptime", nil}}},
		{"HTTPServer ec2", []Word{{"httpserver", []string{"http", "server"}}, {"ec2", nil}}},
		{"ci/cd -- (x)", []Word{{"ci/cd", []string{"ci", "cd"}}, {"x", nil}}},
		{"...", nil},
	} {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %#v; want %#v", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"approves": "approv", "approved": "approv", "approving": "approv", "approve": "approv",
		"processes": "process", "process": "process", "policies": "policy", "reviews": "review",
		"status": "status", "analysis": "analysis", "code": "code", "go": "go", "c++": "c++", "ec2s": "ec2s",
	} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b    string
		k, want int
	}{
		{"terrafrom", "terraform", 2, 1}, // a transposition is one edit
		{"servless", "serverless", 2, 2},
		{"review", "review", 1, 0},
		{"abc", "xyz", 1, 2}, // beyond k: k+1
		{"kitten", "sitting", 3, 3},
	} {
		if got := distance(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d; want %d", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}

func testPages() []Page {
	return []Page{
		{URL: "/roles/lead/", Title: "Team Lead", Kind: "role", Summary: "Approves designs.", Sections: []Section{{ID: "duties", Title: "Duties", Text: "Runs the weekly design review."}}},
		{URL: "/processes/design-review/", Title: "Design Review", Kind: "process", Intro: "Every design is reviewed by the team lead."},
		{URL: "/guide/", Title: "Guide", Kind: "page", Intro: "Terraform and CloudFormation, C++ and 99.9% uptime."},
	}
}

func testIndex() *Index {
	idx, err := Build(testPages())
	if err != nil {
		panic(err) // no page has a Text function that could fail
	}
	return idx
}

// TestBuildText builds the index from pages whose text comes from their
// Text function: the same files as from the texts themselves, and the
// function's error when it fails.
func TestBuildText(t *testing.T) {
	want, err := testIndex().Files()
	if err != nil {
		t.Fatal(err)
	}
	lazy := testPages()
	for i := range lazy {
		intro, secs := lazy[i].Intro, lazy[i].Sections
		lazy[i].Intro, lazy[i].Sections = "", nil
		lazy[i].Text = func() (string, []Section, error) { return intro, secs, nil }
	}
	if got := filesOf(t, lazy); !reflect.DeepEqual(got, want) {
		t.Error("pages with a Text function gave other files than the same pages with their texts")
	}
	broken := errors.New("stash: read failed")
	lazy[1].Text = func() (string, []Section, error) { return "", nil, broken }
	if _, err := Build(lazy); !errors.Is(err, broken) {
		t.Errorf("Build with a failing Text: err = %v; want %v", err, broken)
	}
}

// filesOf is the files of the index of pages.
func filesOf(t *testing.T, pages []Page) []File {
	t.Helper()
	idx, err := Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	files, err := idx.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestSearchRanking(t *testing.T) {
	idx := testIndex()
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"design review", []string{"/processes/design-review/", "/roles/lead/"}}, // title matching the whole query first
		{"team lead", []string{"/roles/lead/", "/processes/design-review/"}},
		{"desig", []string{"/processes/design-review/", "/roles/lead/"}}, // prefix of the word being typed
		{"terrafrom", []string{"/guide/"}},                               // one transposition
		{"cloudfromation", []string{"/guide/"}},
		{`"review design"`, nil}, // not in a row anywhere
		{`"design review"`, []string{"/processes/design-review/", "/roles/lead/"}},
		{"c++", []string{"/guide/"}},
		{"99.9%", []string{"/guide/"}},
		{"xylophone", nil},
	} {
		var got []string
		for _, r := range idx.Search(tt.q, Options{}).Results {
			got = append(got, r.URL)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Search(%q) = %v; want %v", tt.q, got, tt.want)
		}
	}
	r := idx.Search("weekly", Options{}).Results
	if len(r) != 1 || len(r[0].Sections) != 1 || r[0].Sections[0].URL != "/roles/lead/#duties" || r[0].Sections[0].Excerpt != "Runs the <mark>weekly</mark> design review." {
		t.Errorf("Search(weekly) = %+v; want the lead's duties section, marked", r)
	}
	if got := idx.Search("design", Options{Kind: "role"}); got.Total != 1 || got.Counts["process"] != 1 || got.Counts["role"] != 1 {
		t.Errorf("kind filter: %+v", got)
	}
}

// TestFilesDeterministic: the same pages give the same files, in any order,
// and the files load back into the same index.
func TestFilesDeterministic(t *testing.T) {
	a, err := testIndex().Files()
	if err != nil {
		t.Fatal(err)
	}
	pages := []Page{{URL: "/b/", Title: "B", Kind: "page"}, {URL: "/a/", Title: "A", Kind: "page"}}
	x, y := filesOf(t, pages), filesOf(t, []Page{pages[1], pages[0]})
	if !reflect.DeepEqual(x, y) {
		t.Error("the order of the pages changed the files")
	}
	b, _ := testIndex().Files()
	if !reflect.DeepEqual(a, b) {
		t.Error("two builds of the same pages differ")
	}
}

func TestLoadReadsFiles(t *testing.T) {
	want := testIndex()
	files, err := want.Files()
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	got, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	// Build keeps postings encoded, Load decoded: compare them decoded.
	if len(want.encoded) != len(want.Terms) || want.Postings != nil {
		t.Fatalf("Build kept %d encoded postings lists and %d decoded; want %d and none", len(want.encoded), len(want.Postings), len(want.Terms))
	}
	decoded := make([][]Posting, len(want.Terms))
	for i := range want.Terms {
		decoded[i] = want.postings(i)
	}
	want.Postings, want.encoded = decoded, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded index differs:\n%+v\nwant\n%+v", got, want)
	}
}

// TestClientSize holds the client to 15 KB gzipped.
func TestClientSize(t *testing.T) {
	data, err := os.ReadFile("../../assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	if buf.Len() > 15<<10 {
		t.Errorf("assets/search.js is %d bytes gzipped; the budget is 15 KB", buf.Len())
	}
	t.Logf("assets/search.js: %d bytes, %d gzipped", len(data), buf.Len())
}

// TestRelatedTableInClient: the client applies the same related terms.
func TestRelatedTableInClient(t *testing.T) {
	js, err := os.ReadFile("../../assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte("const related = `"+related+"`;")) {
		t.Error("assets/search.js does not carry synonyms.go's related table as it is")
	}
}

// TestPostingsRoundTrip: what encodePostings writes, decodePostings reads
// back, sections past 7 and titles included; bad input is an error.
func TestPostingsRoundTrip(t *testing.T) {
	ps := []Posting{{0, 0, 1}, {0, 3, 63 | titleFlag}, {5, 7, 12}, {5, 40, 1 | titleFlag}, {70000, 2, 30}}
	got, err := decodePostings(encodePostings(ps))
	if err != nil || !reflect.DeepEqual(got, ps) {
		t.Errorf("round trip: %v, %v; want %v", got, err, ps)
	}
	for _, bad := range []string{"g", "A", "A!", "é"} {
		if _, err := decodePostings(bad); err == nil {
			t.Errorf("decodePostings(%q) succeeded", bad)
		}
	}
}
