//! Go's `path/filepath` as on Linux, where the separator is `/`: the lexical functions are
//! `path`'s (std/path.rs), plus the separators, `ToSlash`, `FromSlash`, `SplitList` and
//! `VolumeName`. Written in Go; what needs a file system or a working directory (`Abs`,
//! `Walk`, `Glob`, `EvalSymlinks`) and `Rel`, `Match`, `IsLocal` are not in.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Filepath,
    path: "path/filepath",
    go: GO,
    needs: &["path", "strings"],
    ..Package::NONE
};

const GO: &str = r#"
const filepathꞏSeparator = '/'

const filepathꞏListSeparator = ':'

func filepathꞏClean(p string) string { return pathꞏ.Clean(p) }

func filepathꞏSplit(p string) (dir, file string) { return pathꞏ.Split(p) }

func filepathꞏJoin(elem ...string) string { return pathꞏ.Join(elem...) }

func filepathꞏExt(p string) string { return pathꞏ.Ext(p) }

func filepathꞏBase(p string) string { return pathꞏ.Base(p) }

func filepathꞏDir(p string) string { return pathꞏ.Dir(p) }

func filepathꞏIsAbs(p string) bool { return pathꞏ.IsAbs(p) }

func filepathꞏToSlash(p string) string { return p }

func filepathꞏFromSlash(p string) string { return p }

func filepathꞏVolumeName(p string) string { return "" }

func filepathꞏSplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return stringsꞏ.Split(p, ":")
}
"#;
