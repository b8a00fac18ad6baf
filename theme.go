// Package handbook holds the default look of a handbook site: the templates
// and assets embedded in the binary. A site's own templates/ and assets/
// override these file by file.
package handbook

import (
	"embed"
	"io/fs"
)

//go:embed templates assets
var theme embed.FS

// Templates returns the built-in templates.
func Templates() fs.FS { return sub("templates") }

// Assets returns the built-in static assets (CSS, icons).
func Assets() fs.FS { return sub("assets") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(theme, dir)
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return f
}
