package layout

import "github.com/teamhandbook/handbook/generator/page"

// ChecklistGroup is the part of an onboarding checklist due at one time.
type ChecklistGroup struct {
	When  string // "" for items with no time
	Items []ChecklistItem
}

// ChecklistItem is one task, with its link already resolved to a URL.
type ChecklistItem struct {
	Task string
	URL  string     // "" when the item has no link; site URLs include the base path
	Key  string     // where the reader's tick is stored
	From *page.Page // the team or role page that sets the item
}
