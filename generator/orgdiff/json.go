package orgdiff

import (
	"encoding/json"
	"io"
)

// JSON writes d as one object whose lists are never null, for scripts.
func (d *Diff) JSON(w io.Writer) error {
	out := Diff{
		Added: orEmpty(d.Added), Removed: orEmpty(d.Removed), Renamed: orEmpty(d.Renamed),
		ReportingLines: orEmpty(d.ReportingLines), Positions: orEmpty(d.Positions),
		ProcessOwners: orEmpty(d.ProcessOwners), Ladders: orEmpty(d.Ladders), LostURLs: orEmpty(d.LostURLs),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
