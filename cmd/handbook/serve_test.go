package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestSiteHandler(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "roles", "lead"), 0o755)
	os.WriteFile(filepath.Join(dir, "roles", "lead", "index.html"), []byte("lead"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("not found page"), 0o644)
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o644)
	defer os.Remove(secret)

	tests := []struct {
		base, path string
		code       int
		body, loc  string
	}{
		{"/", "/roles/lead/", 200, "lead", ""},
		{"/", "/roles/lead", 301, "", "/roles/lead/"},
		{"/", "//roles", 301, "", "/roles/"}, // never "//roles/", another host
		{"/", "/nope/", 404, "not found page", ""},
		{"/", "/roles/", 404, "not found page", ""}, // no directory listings
		{"/", "/../secret.txt", 404, "not found page", ""},
		{"/hb/", "/hb/roles/lead/", 200, "lead", ""},
		{"/hb/", "/", 302, "", "/hb/"},
		{"/hb/", "/roles/lead/", 404, "not found page", ""},
		{"/hb/", "/hbx/roles/lead/", 404, "not found page", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		siteHandler(dir, tt.base).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://x"+tt.path, nil))
		if rec.Code != tt.code || (tt.body != "" && rec.Body.String() != tt.body) || rec.Header().Get("Location") != tt.loc {
			t.Errorf("base %s GET %s = %d %q Location %q; want %d %q %q", tt.base, tt.path, rec.Code, rec.Body.String(), rec.Header().Get("Location"), tt.code, tt.body, tt.loc)
		}
		if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options = %q; want nosniff", tt.path, got)
		}
	}
}
