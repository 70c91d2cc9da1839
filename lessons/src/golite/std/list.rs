//! Go's `container/list`: a doubly linked list. Written in Go (std/mod.rs's `go_source`) after
//! Go's own, with the sentinel element behind a pointer (made on first use) where Go embeds it.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::List,
    path: "container/list",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
type listꞏElement struct {
	next, prev *listꞏElement
	list       *listꞏList
	Value      any
}

func (e *listꞏElement) Next() *listꞏElement {
	if p := e.next; e.list != nil && p != e.list.root {
		return p
	}
	return nil
}

func (e *listꞏElement) Prev() *listꞏElement {
	if p := e.prev; e.list != nil && p != e.list.root {
		return p
	}
	return nil
}

type listꞏList struct {
	root *listꞏElement
	len  int
}

func (l *listꞏList) Init() *listꞏList {
	l.root = &listꞏElement{}
	l.root.next = l.root
	l.root.prev = l.root
	l.len = 0
	return l
}

func listꞏNew() *listꞏList { return new(listꞏList).Init() }

func (l *listꞏList) Len() int { return l.len }

func (l *listꞏList) Front() *listꞏElement {
	if l.len == 0 {
		return nil
	}
	return l.root.next
}

func (l *listꞏList) Back() *listꞏElement {
	if l.len == 0 {
		return nil
	}
	return l.root.prev
}

func (l *listꞏList) lazyInit() {
	if l.root == nil {
		l.Init()
	}
}

func (l *listꞏList) insert(e, at *listꞏElement) *listꞏElement {
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
	e.list = l
	l.len++
	return e
}

func (l *listꞏList) insertValue(v any, at *listꞏElement) *listꞏElement {
	return l.insert(&listꞏElement{Value: v}, at)
}

func (l *listꞏList) remove(e *listꞏElement) {
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next = nil
	e.prev = nil
	e.list = nil
	l.len--
}

func (l *listꞏList) move(e, at *listꞏElement) {
	if e == at {
		return
	}
	e.prev.next = e.next
	e.next.prev = e.prev
	e.prev = at
	e.next = at.next
	e.prev.next = e
	e.next.prev = e
}

func (l *listꞏList) Remove(e *listꞏElement) any {
	if e.list == l {
		l.remove(e)
	}
	return e.Value
}

func (l *listꞏList) PushFront(v any) *listꞏElement {
	l.lazyInit()
	return l.insertValue(v, l.root)
}

func (l *listꞏList) PushBack(v any) *listꞏElement {
	l.lazyInit()
	return l.insertValue(v, l.root.prev)
}

func (l *listꞏList) InsertBefore(v any, mark *listꞏElement) *listꞏElement {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark.prev)
}

func (l *listꞏList) InsertAfter(v any, mark *listꞏElement) *listꞏElement {
	if mark.list != l {
		return nil
	}
	return l.insertValue(v, mark)
}

func (l *listꞏList) MoveToFront(e *listꞏElement) {
	if e.list != l || l.root.next == e {
		return
	}
	l.move(e, l.root)
}

func (l *listꞏList) MoveToBack(e *listꞏElement) {
	if e.list != l || l.root.prev == e {
		return
	}
	l.move(e, l.root.prev)
}

func (l *listꞏList) MoveBefore(e, mark *listꞏElement) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark.prev)
}

func (l *listꞏList) MoveAfter(e, mark *listꞏElement) {
	if e.list != l || e == mark || mark.list != l {
		return
	}
	l.move(e, mark)
}

func (l *listꞏList) PushBackList(other *listꞏList) {
	l.lazyInit()
	for i, e := other.Len(), other.Front(); i > 0; i, e = i-1, e.Next() {
		l.insertValue(e.Value, l.root.prev)
	}
}

func (l *listꞏList) PushFrontList(other *listꞏList) {
	l.lazyInit()
	for i, e := other.Len(), other.Back(); i > 0; i, e = i-1, e.Prev() {
		l.insertValue(e.Value, l.root)
	}
}
"#;
