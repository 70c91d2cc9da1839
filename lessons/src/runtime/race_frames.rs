//! The Go runtime functions a race report shows above the program's frame when the program
//! touches a map (and a few others: `string(b)`, a growing `append`, a channel's send and
//! close): Go's race detector sees a map's accesses inside `runtime.mapassign…`,
//! `runtime.mapaccess…`, `runtime.mapdelete…` and `runtime.mapIterStart`, and prints them as
//! the innermost frames, with the file and line of Go 1.27's source. Each row was read from
//! `go run -race -trimpath` on a two-goroutine program per operation and key type (Go 1.27,
//! `tests/oracle/race/README.md`). A plain read `v := m[k]` shows `mapaccess2…` then
//! `mapaccess1…` and no frame of the program (Go's report loses them), `v, ok := m[k]` shows
//! `mapaccess2…` over the program's frame, and `len(m)` shows the program's frame only.
//! `clear(m)` is `runtime.mapclear`; a `for range` starts with `runtime.mapIterStart` and reads
//! the map again in `runtime.mapIterNext` for each next entry. The frames of a map with 8-, 16-,
//! 32-bit and big-value entries were read the same way (`tests/oracle/race/programs/map_keys_*.go`,
//! `map_big_values.go`, `map_clear.go`, whose records hold Go's reports word for word).
//!
//! A race site names one of these by an id with [`RUNTIME_FUNC`] set in place of a program
//! function's index (`Site::func`).

/// Set in `Site::func` (and a stack node's `func`): the rest is an index into the table here.
pub const RUNTIME_FUNC: u32 = 1 << 31;

/// What the program does to the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapOp {
    /// `m[k] = v` (and `m[k]++`, `m[k] op= v`).
    Assign,
    /// `v, ok := m[k]`.
    Access2,
    /// `v := m[k]`.
    Access1,
    /// `delete(m, k)`.
    Delete,
    /// `for k, v := range m`: its start.
    Range,
    /// Each next entry of a `for range` over a map.
    IterNext,
    /// `clear(m)`.
    Clear,
    /// `len(m)`: Go reads the map's count inline, no runtime call.
    Len,
}

/// The map's key, as Go picks a specialised runtime function for it (`mapfast` in Go's
/// `cmd/compile/internal/walk/walk.go`): by the key's size when it is compared as plain memory,
/// and never for values over 128 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapKey {
    /// 4-byte integers (`int32`, `uint32`, `rune`).
    Fast32,
    /// 8-byte integers (`int`, `int64`, `uint64`, `uintptr`).
    Fast64,
    /// Pointers (on a 64-bit machine).
    Fast64Ptr,
    /// Strings.
    FastStr,
    /// Anything else: floats, bools, 1- and 2-byte integers, interfaces, and any map whose
    /// values take more than 128 bytes.
    #[default]
    Generic,
}

/// `(function, file, line)` of each frame, as Go prints them.
static FRAMES: &[(&str, &str, u32)] = &[
    // 0-4: assign
    (
        "runtime.mapassign_fast32",
        "internal/runtime/maps/runtime_fast32.go",
        187,
    ),
    (
        "runtime.mapassign_fast64",
        "internal/runtime/maps/runtime_fast64.go",
        182,
    ),
    (
        "runtime.mapassign_fast64ptr",
        "internal/runtime/maps/runtime_fast64.go",
        400,
    ),
    (
        "runtime.mapassign_faststr",
        "internal/runtime/maps/runtime_faststr.go",
        261,
    ),
    ("runtime.mapassign", "internal/runtime/maps/runtime.go", 143),
    // 5-8: access2
    (
        "runtime.mapaccess2_fast32",
        "internal/runtime/maps/runtime_fast32.go",
        22,
    ),
    (
        "runtime.mapaccess2_fast64",
        "internal/runtime/maps/runtime_fast64.go",
        22,
    ),
    (
        "runtime.mapaccess2_faststr",
        "internal/runtime/maps/runtime_faststr.go",
        120,
    ),
    ("runtime.mapaccess2", "internal/runtime/maps/runtime.go", 63),
    // 9-12: access1
    (
        "runtime.mapaccess1_fast32",
        "internal/runtime/maps/runtime_fast32.go",
        17,
    ),
    (
        "runtime.mapaccess1_fast64",
        "internal/runtime/maps/runtime_fast64.go",
        17,
    ),
    (
        "runtime.mapaccess1_faststr",
        "internal/runtime/maps/runtime_faststr.go",
        115,
    ),
    ("runtime.mapaccess1", "internal/runtime/maps/runtime.go", 58),
    // 13-16: delete
    (
        "runtime.mapdelete_fast32",
        "internal/runtime/maps/runtime_fast32.go",
        479,
    ),
    (
        "runtime.mapdelete_fast64",
        "internal/runtime/maps/runtime_fast64.go",
        544,
    ),
    (
        "runtime.mapdelete_faststr",
        "internal/runtime/maps/runtime_faststr.go",
        409,
    ),
    ("runtime.mapdelete", "runtime/map.go", 135),
    // 17-19: range, clear
    ("runtime.mapIterStart", "runtime/map.go", 156),
    ("runtime.mapIterNext", "runtime/map.go", 168),
    ("runtime.mapclear", "runtime/map.go", 178),
    // 20: not a map's: where a goroutine that a timer started (`time.AfterFunc`) was created.
    ("time.goFunc", "time/sleep.go", 182),
    // 21-22: runtime functions that read a slice's elements (`bytes_to_string_write.go`,
    // `slice_append.go`).
    ("runtime.slicebytetostring", "runtime/string.go", 140),
    ("runtime.growslice", "runtime/slice.go", 178),
    // 23-24: a channel's send reads it, its close writes it (`close_while_sending.go`).
    ("runtime.chansend", "runtime/chan.go", 176),
    ("runtime.closechan", "runtime/chan.go", 414),
    // 25: a deferred call run as its function returns, in place of that function's frame
    // (`tests/oracle/race/programs/defer_frames.go`).
    ("runtime.deferreturn", "runtime/panic.go", 668),
    // 26-35: net/http's frames between a handler and its connection's goroutine, and where
    // that goroutine was started (`tests/oracle/race/programs/http_*_frames.go`,
    // `httptest_frames.go`). golite's net/http is laid out as Go's (std/http.rs), so each of
    // these is a library function of the same name, shown with Go's line of its one call on
    // the way to the program's code.
    ("net/http.HandlerFunc.ServeHTTP", "net/http/server.go", 2358),
    ("net/http.(*ServeMux).ServeHTTP", "net/http/server.go", 2923),
    (
        "net/http.serverHandler.ServeHTTP",
        "net/http/server.go",
        3436,
    ),
    ("net/http.(*conn).serve", "net/http/server.go", 2157),
    (
        "net/http.(*Server).Serve.gowrap3",
        "net/http/server.go",
        3604,
    ),
    ("net/http.(*Server).Serve", "net/http/server.go", 3604),
    ("net/http.Serve", "net/http/server.go", 3038),
    (
        "net/http.(*Server).ListenAndServe",
        "net/http/server.go",
        3485,
    ),
    ("net/http.ListenAndServe", "net/http/server.go", 3836),
    (
        "net/http/httptest.(*Server).goServe.func1",
        "net/http/httptest/server.go",
        586,
    ),
    // 36: a deferred call run by a panic is called from here, and nothing of the panicking
    // function shows under it (`tests/oracle/race/programs/panic_defer_frames.go`).
    ("runtime.gopanic", "runtime/panic.go", 859),
];

/// The library frames Go's reports show (rows 26-35 of the table).
const LIBRARY_FIRST: usize = 26;
const LIBRARY_END: usize = 36;
/// `go c.serve()` in `Server.Serve`: Go's compiler wraps the call (it has arguments), and the
/// wrapper is the connection goroutine's outermost frame.
const SERVE_GOWRAP: u32 = 30;

/// A send's read of its channel, as an id and line.
pub const CHAN_SEND: (u32, u32) = (23 | RUNTIME_FUNC, 176);
/// A close's write of its channel, as an id and line.
pub const CLOSE_CHAN: (u32, u32) = (24 | RUNTIME_FUNC, 414);

/// The frame a deferred call run at its function's return is called from, as an id and line.
pub const DEFER_RETURN: (u32, u32) = (25 | RUNTIME_FUNC, 668);

/// The frame a deferred call run by a panic is called from, as an id and line.
pub const GOPANIC: (u32, u32) = (36 | RUNTIME_FUNC, 859);

/// `string(b)` of a `[]byte`: the read of its bytes, as an id and line.
pub const SLICE_BYTE_TO_STRING: (u32, u32) = (21 | RUNTIME_FUNC, 140);
/// A growing `append`: the read of the old elements, as an id and line.
pub const GROW_SLICE: (u32, u32) = (22 | RUNTIME_FUNC, 178);

/// The frame Go's report shows where a goroutine that a timer started was created, as an id
/// (with [`RUNTIME_FUNC`] set) and its line.
pub const TIMER_GOROUTINE: (u32, u32) = (20 | RUNTIME_FUNC, 182);

/// The runtime frames of `op` on a map keyed by `key`, innermost first, as ids for
/// `Site::func` (with [`RUNTIME_FUNC`] set) and their lines.
pub fn map_frames(op: MapOp, key: MapKey) -> Vec<(u32, u32)> {
    use MapKey::*;
    // Column of the key's specialisation in the access and delete rows (no fast64ptr there:
    // Go uses the fast64 function for pointer keys).
    let k4 = match key {
        Fast32 => 0,
        Fast64 | Fast64Ptr => 1,
        FastStr => 2,
        Generic => 3,
    };
    let ids: Vec<u32> = match op {
        MapOp::Assign => vec![match key {
            Fast32 => 0,
            Fast64 => 1,
            Fast64Ptr => 2,
            FastStr => 3,
            Generic => 4,
        }],
        MapOp::Access2 => vec![5 + k4],
        MapOp::Access1 => vec![5 + k4, 9 + k4],
        MapOp::Delete => vec![13 + k4],
        MapOp::Range => vec![17],
        MapOp::IterNext => vec![18],
        MapOp::Clear => vec![19],
        MapOp::Len => Vec::new(),
    };
    ids.into_iter()
        .filter_map(|i| FRAMES.get(i as usize).map(|f| (i | RUNTIME_FUNC, f.2)))
        .collect()
}

/// A library function a race report shows as Go does (`net/http.(*conn).serve`), by the name
/// golite gives it: its frame id (with [`RUNTIME_FUNC`] set) and Go's line.
pub fn library_frame(name: &str) -> Option<(u32, u32)> {
    let i = FRAMES[LIBRARY_FIRST..LIBRARY_END]
        .iter()
        .position(|f| f.0 == name)?
        + LIBRARY_FIRST;
    (i as u32 != SERVE_GOWRAP).then(|| (i as u32 | RUNTIME_FUNC, FRAMES[i].2))
}

/// The wrapper frame Go puts under a goroutine that library function `name` starts, where it
/// has one (`net/http.(*Server).Serve.gowrap3` for `Server.Serve`'s connections).
pub fn library_gowrap(name: &str) -> Option<(u32, u32)> {
    let w = SERVE_GOWRAP as usize;
    (name == "net/http.(*Server).Serve").then(|| (SERVE_GOWRAP | RUNTIME_FUNC, FRAMES[w].2))
}

/// Where Go's library starts the goroutines golite's library starts too, by the started
/// function's name: Go's creator, its file and the line of its `go` statement, as Go 1.27.3's
/// `runtime.Stack` prints them (`created by net/http.(*Server).Serve in goroutine 6` /
/// `net/http/server.go:3604`; `tests/oracle/net/run-lessons`). golite's own library runs some
/// of these elsewhere (its transport dials in the caller's goroutine, Go's in one of its own),
/// so a dump names Go's creator, not golite's.
static LIBRARY_CREATORS: &[(&str, &str, &str, u32)] = &[
    (
        "net/http.(*conn).serve",
        "net/http.(*Server).Serve",
        "net/http/server.go",
        3604,
    ),
    (
        "net/http.(*connReader).backgroundRead",
        "net/http.(*connReader).startBackgroundRead",
        "net/http/server.go",
        742,
    ),
    (
        "net/http.(*persistConn).readLoop",
        "net/http.(*Transport).dialConn",
        "net/http/transport.go",
        2123,
    ),
    (
        "net/http.(*persistConn).writeLoop",
        "net/http.(*Transport).dialConn",
        "net/http/transport.go",
        2124,
    ),
    (
        "net/http/httptest.(*Server).goServe.func1",
        "net/http/httptest.(*Server).goServe",
        "net/http/httptest/server.go",
        584,
    ),
];

/// Go's `created by` of a goroutine golite's library starts with function `started`:
/// `(function, file, line)`, or `None` for a function not in the table.
pub fn library_creator(started: &str) -> Option<(&'static str, &'static str, u32)> {
    LIBRARY_CREATORS
        .iter()
        .find(|c| c.0 == started)
        .map(|c| (c.1, c.2, c.3))
}

/// The function name and file of a runtime frame id (with [`RUNTIME_FUNC`] set).
pub fn frame(id: u32) -> Option<(&'static str, &'static str)> {
    if id & RUNTIME_FUNC == 0 {
        return None;
    }
    FRAMES
        .get((id & !RUNTIME_FUNC) as usize)
        .map(|(f, file, _)| (*f, *file))
}

/// The file of a runtime function `name` prints with (`None`: a program function).
pub fn file_of(name: &str) -> Option<&'static str> {
    FRAMES.iter().find(|f| f.0 == name).map(|f| f.1)
}

/// Whether Go's report stops at this frame: `runtime.mapaccess1…` is reached by a jump that
/// loses its caller, so nothing of the program shows under it.
pub fn ends_stack(name: &str) -> bool {
    name.starts_with("runtime.mapaccess1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(op: MapOp, key: MapKey) -> Vec<(&'static str, &'static str, u32)> {
        map_frames(op, key)
            .into_iter()
            .filter_map(|(id, line)| frame(id).map(|(f, file)| (f, file, line)))
            .collect()
    }

    #[test]
    fn net_http_frames_are_found_by_golites_names_of_them() {
        let name = |f: Option<(u32, u32)>| f.and_then(|(id, line)| Some((frame(id)?, line)));
        let server = "net/http/server.go";
        assert_eq!(
            name(library_frame("net/http.(*conn).serve")),
            Some((("net/http.(*conn).serve", server), 2157))
        );
        assert_eq!(
            name(library_gowrap("net/http.(*Server).Serve")),
            Some((("net/http.(*Server).Serve.gowrap3", server), 3604))
        );
        // The wrapper is no function of golite's; other library functions show nothing.
        assert_eq!(library_frame("net/http.(*Server).Serve.gowrap3"), None);
        assert_eq!(library_frame("net/http.(*persistConn).readLoop"), None);
        assert_eq!(library_gowrap("net/http.(*conn).serve"), None);
    }

    #[test]
    fn library_goroutines_are_created_where_go_1_27_3_creates_them() {
        let (server, transport) = ("net/http/server.go", "net/http/transport.go");
        assert_eq!(
            library_creator("net/http.(*conn).serve"),
            Some(("net/http.(*Server).Serve", server, 3604))
        );
        assert_eq!(
            library_creator("net/http.(*persistConn).readLoop"),
            Some(("net/http.(*Transport).dialConn", transport, 2123))
        );
        assert_eq!(
            library_creator("net/http.(*persistConn).writeLoop"),
            Some(("net/http.(*Transport).dialConn", transport, 2124))
        );
        assert_eq!(
            library_creator("net/http.(*connReader).backgroundRead"),
            Some(("net/http.(*connReader).startBackgroundRead", server, 742))
        );
        assert_eq!(
            library_creator("net/http/httptest.(*Server).goServe.func1"),
            Some((
                "net/http/httptest.(*Server).goServe",
                "net/http/httptest/server.go",
                584
            ))
        );
        assert_eq!(library_creator("main.main.func1"), None);
    }

    #[test]
    fn each_map_operation_shows_go_1_27s_runtime_frames() {
        use MapKey::*;
        let (m32, m64, mstr, m) = (
            "internal/runtime/maps/runtime_fast32.go",
            "internal/runtime/maps/runtime_fast64.go",
            "internal/runtime/maps/runtime_faststr.go",
            "internal/runtime/maps/runtime.go",
        );
        type Row = (MapOp, MapKey, Vec<(&'static str, &'static str, u32)>);
        let rows: [Row; 7] = [
            (
                MapOp::Assign,
                Fast64,
                vec![("runtime.mapassign_fast64", m64, 182)],
            ),
            (
                MapOp::Assign,
                Fast64Ptr,
                vec![("runtime.mapassign_fast64ptr", m64, 400)],
            ),
            (
                MapOp::Access1,
                FastStr,
                vec![
                    ("runtime.mapaccess2_faststr", mstr, 120),
                    ("runtime.mapaccess1_faststr", mstr, 115),
                ],
            ),
            (
                MapOp::Access2,
                Fast64Ptr,
                vec![("runtime.mapaccess2_fast64", m64, 22)],
            ),
            (MapOp::Access2, Generic, vec![("runtime.mapaccess2", m, 63)]),
            (
                MapOp::Delete,
                Fast32,
                vec![("runtime.mapdelete_fast32", m32, 479)],
            ),
            (
                MapOp::Range,
                Generic,
                vec![("runtime.mapIterStart", "runtime/map.go", 156)],
            ),
        ];
        for (op, key, want) in rows {
            assert_eq!(names(op, key), want, "{op:?} {key:?}");
        }
        assert_eq!(
            frame(TIMER_GOROUTINE.0),
            Some(("time.goFunc", "time/sleep.go"))
        );
        assert_eq!(
            names(MapOp::Clear, Fast64),
            [("runtime.mapclear", "runtime/map.go", 178)]
        );
        assert_eq!(
            names(MapOp::IterNext, FastStr),
            [("runtime.mapIterNext", "runtime/map.go", 168)]
        );
        assert_eq!(
            names(MapOp::Assign, Fast32),
            [("runtime.mapassign_fast32", m32, 187)]
        );
        assert_eq!(
            names(MapOp::Delete, Generic),
            [("runtime.mapdelete", "runtime/map.go", 135)]
        );
        assert!(map_frames(MapOp::Len, Fast64).is_empty());
        assert_eq!(frame(3), None);
        assert_eq!(file_of("main.main"), None);
        assert!(ends_stack("runtime.mapaccess1_fast64") && !ends_stack("runtime.mapaccess2"));
    }
}
