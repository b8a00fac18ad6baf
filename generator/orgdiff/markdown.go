package orgdiff

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes d for a pull-request comment or a GitHub job summary.
func (d *Diff) Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## What this change does to the organisation\n\n")
	if d.Empty() {
		b.WriteString("No change to roles, reporting lines, positions, process owners, ladders or URLs.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "### %s\n\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	var items []string
	for _, r := range d.Added {
		items = append(items, fmt.Sprintf("%s (%s), reports to %s", text(r.Title), code(r.File), either(texts(r.ReportsTo))))
	}
	section("Roles added", items)
	items = nil
	for _, r := range d.Removed {
		items = append(items, fmt.Sprintf("%s (%s)", text(r.Title), code(r.File)))
	}
	section("Roles removed", items)
	items = nil
	for _, r := range d.Renamed {
		switch {
		case r.OldID == r.NewID:
			items = append(items, fmt.Sprintf("%s is now called %s", text(r.OldTitle), text(r.NewTitle)))
		case r.OldTitle == r.NewTitle:
			items = append(items, fmt.Sprintf("%s: id %s is now %s", text(r.NewTitle), code(r.OldID), code(r.NewID)))
		default:
			items = append(items, fmt.Sprintf("%s is now called %s (id %s, was %s)", text(r.OldTitle), text(r.NewTitle), code(r.NewID), code(r.OldID)))
		}
	}
	section("Roles renamed", items)
	items = nil
	for _, l := range d.ReportingLines {
		items = append(items, fmt.Sprintf("%s now reports to %s, was: %s", text(l.Role), either(texts(l.After)), either(texts(l.Before))))
	}
	section("Reporting lines", items)
	items = nil
	for _, c := range d.Positions {
		name := text(c.Team)
		if name == "" {
			name = "Total"
		}
		items = append(items, fmt.Sprintf("%s: %s positions, was: %s", name, positions(c.After), positions(c.Before)))
	}
	section("Positions", items)
	items = nil
	for _, o := range d.ProcessOwners {
		items = append(items, fmt.Sprintf("%s is now owned by %s, was: %s", text(o.Process), orNobody(text(o.After)), orNobody(text(o.Before))))
	}
	section("Process owners", items)
	items = nil
	for _, l := range d.Ladders {
		items = append(items, fmt.Sprintf("%s: %s, was: %s", text(l.Ladder), chain(texts(l.After)), chain(texts(l.Before))))
	}
	section("Ladder steps", items)
	items = nil
	for _, u := range d.LostURLs {
		fix := fmt.Sprintf("add %s to the page that replaces it", code(fmt.Sprintf("aliases: [%q]", u.Alias)))
		if u.NewFile != "" {
			fix = fmt.Sprintf("add %s to %s", code(fmt.Sprintf("aliases: [%q]", u.Alias)), code(u.NewFile))
		}
		items = append(items, fmt.Sprintf("⚠️ %s (was %s) no longer exists and nothing redirects it: %s", text(u.URL), code(u.OldFile), fix))
	}
	section("Warnings", items)
	_, err := io.WriteString(w, strings.TrimSuffix(b.String(), "\n"))
	return err
}

func orNobody(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}
