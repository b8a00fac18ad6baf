package source

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadSortsSkipsHiddenAndChecksInput(t *testing.T) {
	site := fstest.MapFS{
		"content/b.md":         {Data: []byte("# B\n")},
		"content/a.md":         {Data: []byte("# A\n")},
		"content/img/logo.png": {Data: []byte("png")},
		"content/.git/x.md":    {Data: []byte("hidden")},
		"content/.draft.md":    {Data: []byte("hidden")},
		"content/bad.md":       {Data: []byte("ok\nab\xffcd\n")},
		"content/huge.md":      {Data: []byte(strings.Repeat("x", MaxFileSize+1))},
		"templates/page.html":  {Data: []byte("not content")},
	}
	files, diags, err := Load(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files.Markdown {
		got = append(got, f.Path)
	}
	if want := "content/a.md content/b.md"; strings.Join(got, " ") != want {
		t.Errorf("markdown = %v; want %s", got, want)
	}
	if len(files.Static) != 1 || files.Static[0].Path != "content/img/logo.png" {
		t.Errorf("static = %v; want [content/img/logo.png]", files.Static)
	}
	diags.Sort()
	want := "content/bad.md:2:3: error: invalid UTF-8: save the file as UTF-8\n" +
		"content/huge.md: error: file is 8388609 bytes, over the 8 MiB limit\n"
	if got := diags.String(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

func TestLoadWithoutContentFolder(t *testing.T) {
	_, _, err := Load(context.Background(), fstest.MapFS{"README.md": {}})
	if err == nil || !strings.Contains(err.Error(), "no content/ folder") {
		t.Errorf("err = %v; want it to say there is no content/ folder", err)
	}
}

func TestLoadWarnsAboutSymlinksAndLimitsStaticFiles(t *testing.T) {
	site := fstest.MapFS{
		"content/a.md":      {Data: []byte("# A\n")},
		"content/link.md":   {Data: []byte("content/a.md"), Mode: fs.ModeSymlink},
		"content/video.mp4": {Data: make([]byte, MaxStaticSize+1)},
	}
	_, diags, err := Load(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	diags.Sort()
	want := "content/link.md: warning: symbolic link skipped: copy the file into content/ instead\n" +
		"content/video.mp4: error: file is 67108865 bytes, over the 64 MiB limit for files in content/\n"
	if got := diags.String(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// TestLoadPathFindsWhatLoadFinds reloads single paths and expects what
// Load finds at them, with the same rules.
func TestLoadPathFindsWhatLoadFinds(t *testing.T) {
	site := fstest.MapFS{
		"content/a.md":           {Data: []byte("# A\n")},
		"content/sub/b.md":       {Data: []byte("# B\n")},
		"content/sub/deep/c.md":  {Data: []byte("# C\n")},
		"content/sub/pic.png":    {Data: []byte("png")},
		"content/sub/.swap.md":   {Data: []byte("hidden")},
		"content/.git/x.md":      {Data: []byte("hidden")},
		"content/link.md":        {Data: []byte("target"), Mode: fs.ModeSymlink},
		"content/bad.md":         {Data: []byte("ab\xffcd\n")},
		"templates/content/x.md": {Data: []byte("not content")},
	}
	tests := []struct {
		path           string
		markdown, stat string
		diag           string
	}{
		{"content/a.md", "content/a.md", "", ""},
		{"content/sub", "content/sub/b.md content/sub/deep/c.md", "content/sub/pic.png", ""},
		{"content/sub/pic.png", "", "content/sub/pic.png", ""},
		{"content/sub/.swap.md", "", "", ""},
		{"content/.git/x.md", "", "", ""},
		{"content/gone.md", "", "", ""},
		{"content/gone/x.md", "", "", ""},
		{"content/link.md", "", "", "content/link.md: warning: symbolic link skipped"},
		{"content/bad.md", "", "", "content/bad.md:1:3: error: invalid UTF-8"},
		{"templates/content/x.md", "", "", ""},
	}
	for _, tt := range tests {
		files, diags, err := LoadPath(context.Background(), site, tt.path)
		if err != nil {
			t.Errorf("LoadPath(%s): %v", tt.path, err)
			continue
		}
		var md, st []string
		for _, f := range files.Markdown {
			md = append(md, f.Path)
		}
		for _, f := range files.Static {
			st = append(st, f.Path)
		}
		if strings.Join(md, " ") != tt.markdown || strings.Join(st, " ") != tt.stat || !strings.Contains(diags.String(), tt.diag) || (tt.diag == "") != (len(diags) == 0) {
			t.Errorf("LoadPath(%s) = %q %q %q; want %q %q %q", tt.path, md, st, diags, tt.markdown, tt.stat, tt.diag)
		}
	}
}
