package page

import (
	"path"
	"strings"
)

// What the path of a page decides: whether it is a landing page, its URL,
// its kind and its id, unless the front matter says otherwise.

// isLanding reports whether rel is a folder's landing page. The names are
// the ones people already use for that purpose: Hugo's _index.md, the web's
// index.md and GitHub's README.md, which GitHub shows when browsing the
// folder.
func isLanding(rel string) bool {
	switch path.Base(rel) {
	case "_index.md", "index.md", "README.md":
		return true
	}
	return false
}

// pageURL returns the pretty URL of rel: a folder per page, so that links
// do not change if the site moves to a server that hides ".html".
func pageURL(rel string, landing bool) string {
	dir, file := path.Split(rel)
	if landing {
		return "/" + dir
	}
	return "/" + dir + strings.TrimSuffix(file, path.Ext(file)) + "/"
}

// folderKind returns the kind given by the first folder of rel. A landing
// page introduces its folder rather than being one of its members, so it is
// a plain page.
func folderKind(rel string, landing bool) Kind {
	first, _, nested := strings.Cut(rel, "/")
	if landing || !nested {
		return KindPage
	}
	switch first {
	case "roles":
		return KindRole
	case "processes":
		return KindProcess
	case "ladders":
		return KindLadder
	case "teams":
		return KindTeam
	case "skills":
		return KindSkill
	}
	return KindPage
}

// defaultID returns the id of a page whose front matter sets none: its file
// name, or for a landing page the name of its folder, which is what people
// call it.
func defaultID(rel string, landing bool) string {
	if landing {
		dir := path.Dir(rel)
		if dir == "." {
			return "home"
		}
		return path.Base(dir)
	}
	file := path.Base(rel)
	return strings.TrimSuffix(file, path.Ext(file))
}
