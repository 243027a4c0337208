package chatkit

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// testServer is an httptest server that counts attempts and keeps each request and body.
type testServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
	bodies   [][]byte
}

func (s *testServer) attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *testServer) request(i int) (*http.Request, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[i], s.bodies[i]
}

// serve starts a server; handle gets the attempt number (1, 2, ...).
func serve(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, attempt int)) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, r)
		s.bodies = append(s.bodies, body)
		n := len(s.requests)
		s.mu.Unlock()
		handle(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func newTestClient(t *testing.T, s *testServer, opts ...Option) *Client {
	t.Helper()
	all := append(append(testCredentials("sk-test-key"), WithBaseURL(s.URL+"/v1")), opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func mustDecode(t *testing.T, text string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(text), v); err != nil {
		t.Fatalf("decoding %s: %v", text, err)
	}
}

// checkJSON fails unless v encodes to the same JSON value as want (key order ignored).
func checkJSON(t *testing.T, v any, want string) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding: %v", err)
	}
	if !jsonEqual(got, []byte(want)) {
		t.Errorf("JSON differs:\n got: %s\nwant: %s", got, want)
	}
}

// checkDecodeError fails unless decoding text into v fails with an error at path.
func checkDecodeError(t *testing.T, text string, v any, path string) {
	t.Helper()
	err := json.Unmarshal([]byte(text), v)
	var verr *ValidationError
	if err == nil {
		t.Fatalf("decoding %s: no error, want one at %q", text, path)
	}
	if !asValidation(err, &verr) || verr.Path != path {
		t.Fatalf("decoding %s: error %q, want one at path %q", text, err, path)
	}
}

func asValidation(err error, target **ValidationError) bool {
	v, ok := err.(*ValidationError)
	if ok {
		*target = v
	}
	return ok
}

// replyEvents answers with a text/event-stream body.
func replyEvents(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(200)
	_, _ = io.WriteString(w, body)
}

// part is a multipart/form-data part as sent.
type part struct {
	name, filename, contentType, data string
}

// checkParts parses the multipart body sent with r and compares its parts, in
// order, with want (JSON parts compare as JSON).
func checkParts(t *testing.T, r *http.Request, sent []byte, want []part) {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" || params["boundary"] == "" {
		t.Fatalf("Content-Type %q", r.Header.Get("Content-Type"))
	}
	mr := multipart.NewReader(bytes.NewReader(sent), params["boundary"])
	var got []part
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading the multipart body: %v", err)
		}
		data, _ := io.ReadAll(p)
		_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		got = append(got, part{p.FormName(), dp["filename"], p.Header.Get("Content-Type"), string(data)})
	}
	if len(got) != len(want) {
		t.Fatalf("parts %q, want %q", got, want)
	}
	for i, w := range want {
		g := got[i]
		same := g.data == w.data || (w.contentType == "application/json" && jsonEqual([]byte(g.data), []byte(w.data)))
		if g.name != w.name || g.filename != w.filename || g.contentType != w.contentType || !same {
			t.Errorf("part %d = %q, want %q", i, g, w)
		}
	}
}

// testCredentials sets every credential of the API's security schemes to value.
func testCredentials(value string) []Option {
	var opts []Option
	for name, s := range securitySchemes {
		values := make([]string, len(s.envs))
		for i := range values {
			values[i] = value
		}
		if len(values) > 0 {
			opts = append(opts, withCredential(name, values...))
		}
	}
	return opts
}

// sentCredential is where scheme s puts its credential in request r: a header, query parameter or cookie.
func sentCredential(r *http.Request, s securityScheme) string {
	switch s.in {
	case "query":
		return r.URL.Query().Get(s.param)
	case "cookie":
		if c, err := r.Cookie(s.param); err == nil {
			return c.Value
		}
		return ""
	}
	return r.Header.Get(s.param)
}
