//! Go's `net/http/httptest`: `NewServer` (a Server on 127.0.0.1 of the virtual network, with
//! `URL`, `Listener`, `Config`, `Client` and `Close`) and `NewUnstartedServer`, written in Go
//! over std/http.rs. `NewTLSServer` is out (no TLS).

use super::support::*;

/// The package (all Go).
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Httptest,
    path: "net/http/httptest",
    go: GO,
    needs: &["net/http"],
    ..Package::NONE
};

const GO: &str = r#"
const httptestꞏDefaultRemoteAddr = "1.2.3.4"

type httptestꞏServer struct {
	URL      string
	Listener netꞏListener
	Config   *httpꞏServer
	client   *httpꞏClient
	closed   bool
}

func httptestꞏNewUnstartedServer(handler httpꞏHandler) *httptestꞏServer {
	ln, err := netꞏListen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("httptest: failed to listen on a port: " + err.Error())
	}
	return &httptestꞏServer{Listener: ln, Config: &httpꞏServer{Handler: handler}}
}

func httptestꞏNewServer(handler httpꞏHandler) *httptestꞏServer {
	s := httptestꞏNewUnstartedServer(handler)
	s.Start()
	return s
}

func httptestꞏNewTLSServer(handler httpꞏHandler) *httptestꞏServer {
	panic("golite: httptest.NewTLSServer: golite's net/http has no TLS")
}

func (s *httptestꞏServer) Start() {
	if s.URL != "" {
		panic("Server already started")
	}
	s.URL = "http://" + s.Listener.Addr().String()
	s.client = &httpꞏClient{Transport: &httpꞏTransport{}}
	s.goServe()
}

func (s *httptestꞏServer) goServe() {
	go func() {
		s.Config.Serve(s.Listener)
	}()
}

// Close shuts the server down and waits until every request in flight has been answered, as
// Go's does; then the idle connections of the default and the server's clients are closed.
func (s *httptestꞏServer) Close() {
	if s.closed {
		return
	}
	s.closed = true
	srv := s.Config
	srv.SetKeepAlivesEnabled(false)
	srv.mu.Lock()
	srv.shuttingDown = true
	srv.closeListeners()
	srv.mu.Unlock()
	srv.closeIdle()
	srv.active.Wait()
	if t, ok := httpꞏDefaultTransport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
	if s.client != nil {
		s.client.CloseIdleConnections()
	}
}

func (s *httptestꞏServer) CloseClientConnections() {
	s.Config.Close()
}

func (s *httptestꞏServer) Client() *httpꞏClient { return s.client }
"#;
