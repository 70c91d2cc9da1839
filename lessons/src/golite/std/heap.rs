//! Go's `container/heap`: heap operations on any type that implements heap.Interface. Written
//! in Go (std/mod.rs's `go_source`): Go's own algorithm, so the program's Less, Swap, Push and
//! Pop are called in Go's order.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Heap,
    path: "container/heap",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
type heapꞏInterface interface {
	sortꞏ.Interface
	Push(x any)
	Pop() any
}

func heapꞏInit(h heapꞏInterface) {
	n := h.Len()
	for i := n/2 - 1; i >= 0; i-- {
		heapꞏdown(h, i, n)
	}
}

func heapꞏPush(h heapꞏInterface, x any) {
	h.Push(x)
	heapꞏup(h, h.Len()-1)
}

func heapꞏPop(h heapꞏInterface) any {
	n := h.Len() - 1
	h.Swap(0, n)
	heapꞏdown(h, 0, n)
	return h.Pop()
}

func heapꞏRemove(h heapꞏInterface, i int) any {
	n := h.Len() - 1
	if n != i {
		h.Swap(i, n)
		if !heapꞏdown(h, i, n) {
			heapꞏup(h, i)
		}
	}
	return h.Pop()
}

func heapꞏFix(h heapꞏInterface, i int) {
	if !heapꞏdown(h, i, h.Len()) {
		heapꞏup(h, i)
	}
}

func heapꞏup(h heapꞏInterface, j int) {
	for {
		i := (j - 1) / 2
		if i == j || !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		j = i
	}
}

func heapꞏdown(h heapꞏInterface, i0, n int) bool {
	i := i0
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1
		if j2 := j1 + 1; j2 < n && h.Less(j2, j1) {
			j = j2
		}
		if !h.Less(j, i) {
			break
		}
		h.Swap(i, j)
		i = j
	}
	return i > i0
}
"#;
