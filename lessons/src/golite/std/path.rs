//! Go's `path`: slash-separated paths, cleaned lexically (no file system is asked). Written in
//! Go (std/mod.rs's `go_source`) from the rules Go's documentation gives; `Match` is not in.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Path,
    path: "path",
    go: GO,
    needs: &["strings"],
    ..Package::NONE
};

const GO: &str = r#"
// pathꞏClean applies Go's four rules until none applies: one slash for several, no `.`
// element, no `..` after a name (both go), no `..` at the start of a rooted path.
func pathꞏClean(p string) string {
	if p == "" {
		return "."
	}
	rooted := p[0] == '/'
	var parts []string
	for _, el := range stringsꞏ.Split(p, "/") {
		switch el {
		case "", ".":
		case "..":
			if len(parts) > 0 && parts[len(parts)-1] != ".." {
				parts = parts[:len(parts)-1]
			} else if !rooted {
				parts = append(parts, "..")
			}
		default:
			parts = append(parts, el)
		}
	}
	s := stringsꞏ.Join(parts, "/")
	if rooted {
		return "/" + s
	}
	if s == "" {
		return "."
	}
	return s
}

func pathꞏSplit(p string) (dir, file string) {
	i := stringsꞏ.LastIndex(p, "/")
	return p[:i+1], p[i+1:]
}

func pathꞏJoin(elem ...string) string {
	var kept []string
	for _, e := range elem {
		if e != "" {
			kept = append(kept, e)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return pathꞏClean(stringsꞏ.Join(kept, "/"))
}

func pathꞏExt(p string) string {
	for i := len(p) - 1; i >= 0 && p[i] != '/'; i-- {
		if p[i] == '.' {
			return p[i:]
		}
	}
	return ""
}

func pathꞏBase(p string) string {
	if p == "" {
		return "."
	}
	for len(p) > 0 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	if i := stringsꞏ.LastIndex(p, "/"); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return "/"
	}
	return p
}

func pathꞏIsAbs(p string) bool { return len(p) > 0 && p[0] == '/' }

func pathꞏDir(p string) string {
	dir, _ := pathꞏSplit(p)
	return pathꞏClean(dir)
}
"#;
