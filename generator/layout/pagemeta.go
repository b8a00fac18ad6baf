package layout

import (
	"time"

	"github.com/teamhandbook/handbook/generator/org"
	"github.com/teamhandbook/handbook/generator/page"
)

// PageMeta is what a page's footer says about the page itself.
type PageMeta struct {
	Owner     *org.Role
	Updated   time.Time // the last commit that touched the page; zero outside git
	UpdatedBy string
	ReviewBy  time.Time // zero when the page sets no review_by
	Overdue   bool      // ReviewBy has passed
}

// ReviewGroup is the pages one role owns that are past their review date.
// Owner is nil for the pages nobody owns.
type ReviewGroup struct {
	Owner *org.Role
	Pages []*page.Page
}
