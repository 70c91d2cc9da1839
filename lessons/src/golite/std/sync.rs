//! Go's `sync`: Mutex, RWMutex, WaitGroup, Cond (runtime objects created on first use) and
//! `OnceFunc`/`OnceValue(s)` written in Go. `Once.Do` is a builtin native (std/builtin.rs): the
//! compiler emits its steps.

use super::support::*;

natives! {
    Pkg::Sync;
    SyncNewCond,
    MutexLock,
    MutexUnlock,
    MutexTryLock,
    RwLock,
    RwUnlock,
    RwRLock,
    RwRUnlock,
    RwTryLock,
    RwTryRLock,
    WgAdd,
    WgDone,
    WgWait,
    WgGo,
    WgGoDone,
    CondWait,
    CondSignal,
    CondBroadcast,
}

const PATH: &str = "sync";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Sync,
    path: PATH,
    go: GO,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Mutex" => Some(Member::Type(std.mutex)),
        "RWMutex" => Some(Member::Type(std.rwmutex)),
        "WaitGroup" => Some(Member::Type(std.waitgroup)),
        "Once" => Some(Member::Type(std.once)),
        "Cond" => Some(Member::Type(std.cond)),
        "Locker" => Some(Member::Type(std.locker)),
        "NewCond" => f(c, "func(Locker) *Cond", N::SyncNewCond),
        "OnceFunc" => Some(Member::Generic(G::OnceFunc)),
        "OnceValue" => Some(Member::Generic(G::OnceValue)),
        "OnceValues" => Some(Member::Generic(G::OnceValues)),
        _ => None,
    }
}

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let s = c.std.clone();
    add_methods(
        c,
        PATH,
        &[
            (s.mutex, "Lock", "func()", N::MutexLock, true),
            (s.mutex, "Unlock", "func()", N::MutexUnlock, true),
            (s.mutex, "TryLock", "func() bool", N::MutexTryLock, true),
            (s.rwmutex, "Lock", "func()", N::RwLock, true),
            (s.rwmutex, "Unlock", "func()", N::RwUnlock, true),
            (s.rwmutex, "RLock", "func()", N::RwRLock, true),
            (s.rwmutex, "RUnlock", "func()", N::RwRUnlock, true),
            (s.rwmutex, "TryLock", "func() bool", N::RwTryLock, true),
            (s.rwmutex, "TryRLock", "func() bool", N::RwTryRLock, true),
            (s.waitgroup, "Add", "func(int)", N::WgAdd, true),
            (s.waitgroup, "Done", "func()", N::WgDone, true),
            (s.waitgroup, "Wait", "func()", N::WgWait, true),
            (s.waitgroup, "Go", "func(func())", N::WgGo, true),
            (s.once, "Do", "func(func())", Native::ONCE_DO, true),
            (s.cond, "Wait", "func()", N::CondWait, true),
            (s.cond, "Signal", "func()", N::CondSignal, true),
            (s.cond, "Broadcast", "func()", N::CondBroadcast, true),
        ],
    );
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::SyncNewCond => {
            let l = arg(0);
            let inner = match &l {
                Value::Iface(b) => b.1.clone(),
                other => other.clone(),
            };
            let mid = lazy_id(&inner, 0, || Ref::Mutex(cx.mutex_new()));
            let cid = cx.cond_new(MutexId(mid));
            let cond = Obj::new(vec![l, Value::Int(i64::from(cid.0) + 1)]);
            reach::register(&cond, Ref::Cond(cid));
            push!(t, Value::Agg(cond));
        }
        N::CondWait => {
            let c = arg(0);
            let id = get_field(&c, 1).as_int() - 1;
            if id < 0 {
                return NRes::Panic("sync: Cond used without NewCond".into());
            }
            match cx.cond_wait(crate::runtime::CondId(id as u32)) {
                Ok(r) => return ok_or_block(r),
                Err(m) => return NRes::Fatal(m),
            }
        }
        N::CondSignal | N::CondBroadcast => {
            let id = get_field(&arg(0), 1).as_int() - 1;
            if id >= 0 {
                let c = crate::runtime::CondId(id as u32);
                if n == N::CondSignal {
                    cx.cond_signal(c);
                } else {
                    cx.cond_broadcast(c);
                }
            }
        }
        N::MutexLock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            return ok_or_block(cx.lock(MutexId(id)));
        }
        N::MutexUnlock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            if let Err(m) = cx.unlock(MutexId(id)) {
                return NRes::Fatal(m);
            }
        }
        N::MutexTryLock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            push!(t, Value::Bool(cx.try_lock(MutexId(id))));
        }
        N::RwLock | N::RwRLock => {
            let id = lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new()));
            let r = if n == N::RwLock {
                cx.rw_lock(RwMutexId(id))
            } else {
                cx.rlock(RwMutexId(id))
            };
            return ok_or_block(r);
        }
        N::RwTryLock | N::RwTryRLock => {
            let id = RwMutexId(lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new())));
            let got = if n == N::RwTryLock {
                cx.rw_try_lock(id)
            } else {
                cx.rw_try_rlock(id)
            };
            push!(t, Value::Bool(got));
        }
        N::RwUnlock | N::RwRUnlock => {
            let id = lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new()));
            let r = if n == N::RwUnlock {
                cx.rw_unlock(RwMutexId(id))
            } else {
                cx.runlock(RwMutexId(id))
            };
            if let Err(m) = r {
                return NRes::Fatal(m);
            }
        }
        N::WgAdd | N::WgDone => {
            let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
            let d = if n == N::WgAdd { arg(1).as_int() } else { -1 };
            if let Err(m) = cx.wg_add(WgId(id), d) {
                return NRes::Panic(m);
            }
        }
        N::WgGoDone => {
            if let Some(p) = t.panicking.as_mut() {
                if !p.msg.ends_with(REPANICKED) {
                    p.msg.push_str(REPANICKED);
                }
            } else {
                let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
                if let Err(m) = cx.wg_add(WgId(id), -1) {
                    return NRes::Panic(m);
                }
            }
        }
        N::WgWait => {
            let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
            return ok_or_block(cx.wg_wait(WgId(id)));
        }
        N::WgGo => {
            let wg = arg(0);
            let id = lazy_id(&wg, 0, || Ref::WaitGroup(cx.waitgroup_new()));
            if let Err(m) = cx.wg_add(WgId(id), 1) {
                return NRes::Panic(m);
            }
            let mut task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            if let Some(f) = task.frames.first_mut() {
                f.defers.push(Deferred {
                    callee: Callee::Native(N::WgGoDone),
                    args: vec![wg],
                    race_site: None,
                });
            }
            let line = t.current_line();
            cx.spawn(Box::new(task), "sync.(*WaitGroup).Go.func1", line);
        }
        _ => {}
    }
    NRes::Ok
}

/// `sync.OnceFunc(f)`, `OnceValue(f)`, `OnceValues(f)`: Go's own implementation, written as a
/// function literal for `f`'s result types and called with `f`. A mutex makes a second caller
/// wait while the first runs `f` (Go's Once waits the same way); a panic of `f` is re-raised, with
/// the same value, by every call.
fn once_call(
    c: &mut Compiler,
    k: u8,
    args: &[crate::golite::syntax::ast::Expr],
    mode: crate::golite::compile::expr::Mode,
    e: &crate::golite::syntax::ast::Expr,
    name: &str,
) -> R<Vec<TypeId>> {
    let [f] = args else {
        return err(
            e.pos,
            format!("wrong number of arguments in call to {name}"),
        );
    };
    let ft = c.type_of(f)?;
    let results = match c.types.sig(ft) {
        Some(sg) if sg.params.is_empty() && sg.results.len() == usize::from(k) => {
            sg.results.clone()
        }
        _ => {
            return err(
                f.pos,
                format!(
                    "cannot use {} as the function argument of {name}",
                    crate::golite::compile::describe(f)
                ),
            );
        }
    };
    let sync = name.split('.').next().unwrap_or("sync").to_string();
    let rs: Vec<String> = results.iter().map(|r| c.type_src(*r)).collect();
    let (decl, call, ret) = match k {
        0 => (String::new(), "f()".to_string(), String::new()),
        1 => (
            format!("var r0 {}", rs[0]),
            "r0 = f()".to_string(),
            "return r0".to_string(),
        ),
        _ => (
            format!("var r0 {}; var r1 {}", rs[0], rs[1]),
            "r0, r1 = f()".to_string(),
            "return r0, r1".to_string(),
        ),
    };
    let sig = format!("func() ({})", rs.join(", "));
    let src = format!(
        "func(f {sig}) {sig} {{ var mu {sync}.Mutex; var done, valid bool; var p any; {decl}; \
         return func() ({rs}) {{ mu.Lock(); defer mu.Unlock(); if !done {{ done = true; \
         func() {{ defer func() {{ p = recover(); if !valid {{ panic(p) }} }}(); {call}; \
         valid = true }}() }}; if !valid {{ panic(p) }}; {ret} }} }}",
        rs = rs.join(", ")
    );
    // The callee goes on top of its argument.
    c.value_to(f, ft)?;
    c.compile_wrapper(&src, e.pos)?;
    c.emit(match mode {
        crate::golite::compile::expr::Mode::Call => crate::golite::code::Op::CallValue(1),
        crate::golite::compile::expr::Mode::Go => crate::golite::code::Op::GoValue(1),
        crate::golite::compile::expr::Mode::Defer => crate::golite::code::Op::DeferValue(1),
    });
    Ok(if mode == crate::golite::compile::expr::Mode::Call {
        vec![ft]
    } else {
        vec![]
    })
}

generics! {
    Pkg::Sync;
    OnceFunc,
    OnceValue,
    OnceValues,
}

/// Compiles `sync.OnceFunc`, `OnceValue`, `OnceValues` (see [`once_call`]).
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    let name = describe_call(e);
    let k = match g {
        G::OnceFunc => 0,
        G::OnceValue => 1,
        _ => 2,
    };
    once_call(c, k, args, mode, e, &name)
}

/// The type of `sync.OnceFunc(f)`...: `f`'s.
pub(super) fn generic_result(c: &mut Compiler, _g: Generic, args: &[Expr], _pos: Pos) -> R<TypeId> {
    Ok(match args.first() {
        Some(a) => c.type_of(a)?,
        None => ids::VOID,
    })
}

/// sync.Pool and sync.Map, written in Go (std/mod.rs's `go_source`). A Pool hands back the
/// value Put last (Go's per-P private slot, with one P); a Map is a map of `any` whose zero
/// value is ready to use, locked where a step reads then writes (goroutines may be preempted).
const GO: &str = r#"
type syncꞏPool struct {
	items []any
	New   func() any
}

func (p *syncꞏPool) Get() any {
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items = p.items[:n-1]
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}
func (p *syncꞏPool) Put(x any) {
	if x != nil {
		p.items = append(p.items, x)
	}
}

type syncꞏMap struct {
	mu syncꞏ.Mutex
	m  map[any]any
}

func (m *syncꞏMap) Load(key any) (value any, ok bool) {
	value, ok = m.m[key]
	return
}
func (m *syncꞏMap) Store(key, value any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.store(key, value)
}
func (m *syncꞏMap) store(key, value any) {
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
}
func (m *syncꞏMap) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	m.store(key, value)
	return value, false
}
func (m *syncꞏMap) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}
func (m *syncꞏMap) Delete(key any) { m.LoadAndDelete(key) }
func (m *syncꞏMap) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	previous, loaded = m.m[key]
	m.store(key, value)
	return
}
func (m *syncꞏMap) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		m.m[key] = new
		return true
	}
	return false
}
func (m *syncꞏMap) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok && v == old {
		delete(m.m, key)
		return true
	}
	return false
}
func (m *syncꞏMap) Range(f func(key, value any) bool) {
	for k, v := range m.m {
		if !f(k, v) {
			break
		}
	}
}
func (m *syncꞏMap) Clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.m)
}
"#;
