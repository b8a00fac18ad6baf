package page

import "gopkg.in/yaml.v3"

// Duty is what a role does in one process it owns or takes part in, as its
// onboarding path tells a new hire. The process page says what the process
// is; the role page says what this role's part in it is.
type Duty struct {
	Process Text // a process id
	Does    Text
}

// duties reads a mapping of process ids to what the role does there. The
// org stage checks that each id names a process the role is part of.
func (d *decoder) duties(name string, v *yaml.Node) []Duty {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%s must be a mapping of process ids to what the role does in each, not %s", name, describe(v))
		return nil
	}
	var out []Duty
	for _, kv := range d.pairs(v) {
		if t, ok := d.task(name+"."+kv.key.Value, kv.value); ok {
			out = append(out, Duty{Process: kv.key, Does: t})
		}
	}
	return out
}
