//go:build race

package markdown

// raceEnabled lets the costliest exhaustive tests sample under -race, which
// slows regexp matching about twentyfold.
const raceEnabled = true
