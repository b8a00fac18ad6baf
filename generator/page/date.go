package page

import (
	"time"

	"gopkg.in/yaml.v3"
)

// date reads a calendar date. YAML and TOML read 2025-06-30 as a timestamp,
// JSON as a string: both are accepted, in that one spelling only, so that
// "06/30/2025" is not read as something the writer did not mean.
func (d *decoder) date(name string, v *yaml.Node) Date {
	v = deref(v)
	if v.Kind == yaml.ScalarNode && (v.ShortTag() == "!!timestamp" || v.ShortTag() == "!!str") {
		if t, err := time.Parse(time.DateOnly, v.Value); err == nil {
			return Date{Time: t, Pos: d.pos(v)}
		}
	}
	d.errorf(v, "%s must be a date like 2006-01-02, not %s", name, describe(v))
	return Date{}
}
