// Package config reads handbook.yaml, the optional settings at a site's root.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/teamhandbook/handbook/generator/diag"
)

// File is the name of the configuration file at the site root.
const File = "handbook.yaml"

// Site is a site's settings.
type Site struct {
	Title      string // shown in every page's header
	BaseURL    string // where the site is published; its path prefixes every link
	EditURL    string // prefix that, followed by a page's path, edits the page
	Repository string // the repository's web address, for "Edit this page" when EditURL is not set
	Branch     string // the branch pages are edited on; "main" by default
	UnsafeHTML bool   // render raw HTML in Markdown
}

// BasePath returns the URL path the site is served under, "/" by default.
func (s Site) BasePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	if u.Path[len(u.Path)-1] != '/' {
		return u.Path + "/"
	}
	return u.Path
}

// EditPrefix returns what, followed by a page's path from the site root,
// is the address that edits the page: edit_url when set, else the
// repository's "edit" address on the branch, the form GitHub and Gitea use
// (GitLab redirects it too), followed by dir, the site folder inside the
// repository ("docs/handbook/", "" at its root), since the repository's
// addresses start at its root. It is "" when neither is set.
func (s Site) EditPrefix(dir string) string {
	if s.EditURL != "" || s.Repository == "" {
		return s.EditURL
	}
	branch := s.Branch
	if branch == "" {
		branch = "main"
	}
	if dir = strings.Trim(dir, "/"); dir != "" {
		dir += "/"
	}
	return strings.TrimSuffix(s.Repository, "/") + "/edit/" + branch + "/" + dir
}

// Default is used for keys the file does not set, and when there is no file.
var Default = Site{Title: "Handbook"}

// Load reads File from site, if there is one.
func Load(site fs.FS) (Site, diag.List, error) {
	cfg := Default
	data, err := fs.ReadFile(site, File)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil, nil
	}
	if err != nil {
		return cfg, nil, fmt.Errorf("read %s: %w", File, err)
	}
	var diags diag.List
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		diags.Rule("config").Errorf(yamlErrorPos(err), "%s", trimYAMLError(err))
		return cfg, diags, nil
	}
	if len(doc.Content) == 0 {
		return cfg, nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		diags.Rule("config").Errorf(pos(root), "%s must be a mapping of keys to values", File)
		return cfg, diags, nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "title":
			cfg.Title = str(key.Value, val, &diags)
		case "base_url":
			cfg.BaseURL = str(key.Value, val, &diags)
			if u, err := url.Parse(cfg.BaseURL); err != nil || (cfg.BaseURL != "" && (u.Scheme == "" || u.Host == "")) {
				diags.Rule("config").Errorf(pos(val), "base_url must be an absolute URL like \"https://handbook.example.com/\"")
			}
		case "edit_url":
			cfg.EditURL = str(key.Value, val, &diags)
		case "repository":
			cfg.Repository = str(key.Value, val, &diags)
			if u, err := url.Parse(cfg.Repository); err != nil || u.Scheme == "" || u.Host == "" {
				diags.Rule("config").Errorf(pos(val), "repository must be the repository's web address like \"https://github.com/org/handbook\"")
			}
		case "branch":
			cfg.Branch = str(key.Value, val, &diags)
		case "unsafe_html":
			if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
				diags.Rule("config").Errorf(pos(val), "unsafe_html must be true or false")
				continue
			}
			cfg.UnsafeHTML, _ = strconv.ParseBool(val.Value)
		default:
			diags.Rule("config").Errorf(pos(key), "unknown key %q in %s (known: title, base_url, edit_url, repository, branch, unsafe_html)", key.Value, File)
		}
	}
	return cfg, diags, nil
}

func str(key string, n *yaml.Node, diags *diag.List) string {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		diags.Rule("config").Errorf(pos(n), "%s must be a string", key)
		return ""
	}
	return n.Value
}

func pos(n *yaml.Node) diag.Position {
	return diag.Position{File: File, Line: n.Line, Col: n.Column}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func yamlErrorPos(err error) diag.Position {
	p := diag.Position{File: File}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
	}
	return p
}

func trimYAMLError(err error) string {
	return "invalid YAML: " + yamlLine.ReplaceAllString(err.Error(), "")
}
