package chatkit

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func call(c *Client, ctx context.Context, opts ...Option) error {
	var out map[string]any
	req := request{method: "POST", path: "/things", header: http.Header{"X-Operation": {"op"}}, body: []byte(`{"a":1}`)}
	return c.do(ctx, &req, &out, opts)
}

func TestRequestHeaders(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `{}`) })
	c := newTestClient(t, s, WithHeader("X-Custom", "yes"))
	if err := call(c, context.Background()); err != nil {
		t.Fatal(err)
	}
	r, body := s.request(0)
	want := map[string]string{
		"Accept":       "application/json",
		"Content-Type": "application/json",
		"X-Operation":  "op",
		"X-Custom":     "yes",
	}
	for name, value := range want {
		if got := r.Header.Get(name); got != value {
			t.Errorf("header %s = %q, want %q", name, got, value)
		}
	}
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, sdkName+"/"+Version+" go/") {
		t.Errorf("User-Agent = %q", ua)
	}
	if r.Header.Get("X-Retry-Count") != "" {
		t.Errorf("first attempt sent X-Retry-Count")
	}
	if r.Method != "POST" || r.URL.Path != "/v1/things" || string(body) != `{"a":1}` {
		t.Errorf("got %s %s %s", r.Method, r.URL.Path, body)
	}
}

func TestRetriesRetryableStatuses(t *testing.T) {
	for _, status := range []int{408, 409, 429, 500, 502, 503, 504} {
		s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
			if n < 3 {
				w.Header().Set("Retry-After-Ms", "1")
				reply(w, status, `{"error":{"message":"try again"}}`)
				return
			}
			reply(w, 200, `{"ok":true}`)
		})
		if err := call(newTestClient(t, s), context.Background()); err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		if s.attempts() != 3 {
			t.Fatalf("status %d: %d attempts, want 3", status, s.attempts())
		}
		for i, want := range []string{"", "1", "2"} {
			if r, _ := s.request(i); r.Header.Get("X-Retry-Count") != want {
				t.Errorf("status %d attempt %d: X-Retry-Count %q, want %q", status, i+1, r.Header.Get("X-Retry-Count"), want)
			}
		}
	}
}

func TestNoRetryOnClientErrors(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 422} {
		s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, status, `{}`) })
		err := call(newTestClient(t, s), context.Background())
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
			t.Fatalf("status %d: got %v", status, err)
		}
		if s.attempts() != 1 {
			t.Errorf("status %d: %d attempts, want 1", status, s.attempts())
		}
	}
}

func TestMaxRetries(t *testing.T) {
	for _, tc := range []struct {
		client, call []Option
		attempts     int
	}{
		{nil, nil, 3},
		{[]Option{WithMaxRetries(0)}, nil, 1},
		{[]Option{WithMaxRetries(0)}, []Option{WithMaxRetries(4)}, 5},
	} {
		s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
			w.Header().Set("Retry-After-Ms", "1")
			reply(w, 500, `{"error":{"message":"boom"}}`)
		})
		err := call(newTestClient(t, s, tc.client...), context.Background(), tc.call...)
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || apiErr.Message != "boom" {
			t.Fatalf("got %v", err)
		}
		if s.attempts() != tc.attempts {
			t.Errorf("%d attempts, want %d", s.attempts(), tc.attempts)
		}
	}
	if _, err := NewClient(append(testCredentials("k"), WithMaxRetries(-1))...); err == nil {
		t.Error("WithMaxRetries(-1) accepted")
	}
}

func TestShouldRetryHeader(t *testing.T) {
	for _, tc := range []struct {
		status   int
		flag     string
		attempts int
	}{{500, "false", 1}, {400, "true", 3}} {
		s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
			w.Header().Set("X-Should-Retry", tc.flag)
			w.Header().Set("Retry-After-Ms", "1")
			reply(w, tc.status, `{}`)
		})
		_ = call(newTestClient(t, s), context.Background())
		if s.attempts() != tc.attempts {
			t.Errorf("status %d x-should-retry %s: %d attempts, want %d", tc.status, tc.flag, s.attempts(), tc.attempts)
		}
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			reply(w, 429, `{}`)
			return
		}
		reply(w, 200, `{}`)
	})
	start := time.Now()
	if err := call(newTestClient(t, s), context.Background()); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < time.Second || elapsed > 5*time.Second {
		t.Errorf("waited %s, want about 1s (Retry-After: 1)", elapsed)
	}
}

func TestDefaultBackoffOnConnectionError(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 { // drop the connection: no HTTP response at all
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		reply(w, 200, `{}`)
	})
	start := time.Now()
	if err := call(newTestClient(t, s), context.Background()); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if s.attempts() != 2 || elapsed < 375*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("%d attempts in %s, want 2 after a 0.375-0.625 s backoff", s.attempts(), elapsed)
	}
}

func TestRequestTimeoutIsRetried(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		reply(w, 200, `{}`)
	})
	c := newTestClient(t, s, WithRequestTimeout(100*time.Millisecond))
	if err := call(c, context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.attempts() != 2 {
		t.Errorf("%d attempts, want 2", s.attempts())
	}
}

func TestContextCancelledDuringBackoff(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Retry-After", "30")
		reply(w, 503, `{}`)
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	start := time.Now()
	err := call(newTestClient(t, s), ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("returned after %s: the backoff ignored the context", elapsed)
	}
	if s.attempts() != 1 {
		t.Errorf("%d attempts, want 1", s.attempts())
	}
}

func TestContextDeadlineBeforeSend(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `{}`) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := call(newTestClient(t, s), ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

func TestErrorMapping(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("X-Request-Id", "req_123")
		reply(w, 400, `{"error":{"message":"Invalid 'user'","type":"invalid_request_error","param":"user","code":null}}`)
	})
	err := call(newTestClient(t, s), context.Background())
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("got %T %v", err, err)
	}
	if apiErr.StatusCode != 400 || apiErr.Message != "Invalid 'user'" || apiErr.RequestID != "req_123" {
		t.Errorf("got %+v", apiErr)
	}
	parsed, _ := apiErr.Parsed.(map[string]any)
	if inner, _ := parsed["error"].(map[string]any); inner["param"] != "user" {
		t.Errorf("Parsed = %#v", apiErr.Parsed)
	}
	var body struct {
		Error struct{ Type string }
	}
	if err := apiErr.DecodeBody(&body); err != nil || body.Error.Type != "invalid_request_error" {
		t.Errorf("DecodeBody: %v %+v", err, body)
	}
	for _, part := range []string{"400", "Invalid 'user'", "req_123"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("%q does not mention %q", err, part)
		}
	}

	s = serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.WriteHeader(502)
		_, _ = w.Write([]byte("<html>bad gateway</html>"))
	})
	err = call(newTestClient(t, s, WithMaxRetries(0)), context.Background())
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || apiErr.Message != "Bad Gateway" || apiErr.Parsed != nil {
		t.Errorf("non-JSON error body: %v", err)
	}
}

func TestResponseValidationError(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `[1, "x"]`) })
	c := newTestClient(t, s)
	var out intList
	req := request{method: "GET", path: "/x", header: http.Header{}}
	err := c.do(context.Background(), &req, &out, nil)
	var verr *ValidationError
	if !errors.As(err, &verr) || verr.Path != "[1]" {
		t.Fatalf("got %v", err)
	}
}

type intList []int64

func (l *intList) UnmarshalJSON(data []byte) error {
	v, err := listOf(decodeInt)(data)
	*l = v
	return err
}

func TestCredentialsAndBaseURL(t *testing.T) {
	for _, s := range securitySchemes {
		for _, env := range s.envs {
			t.Setenv(env, "")
		}
	}
	for _, name := range requiredSchemes {
		_, err := NewClient()
		if s := securitySchemes[name]; err == nil || len(s.envs) > 0 && !strings.Contains(err.Error(), s.envs[0]) {
			t.Errorf("missing %s: got %v, want an error naming %v", name, err, s.envs)
		}
	}
	for name, s := range securitySchemes {
		if s.kind == "token" {
			if _, err := NewClient(append(testCredentials("k"), withCredential(name, "sk-bad\n"))...); err == nil {
				t.Errorf("%s: a credential with a line break was accepted", name)
			}
		}
	}
	if _, err := NewClient(append(testCredentials("k"), WithBaseURL("ftp://example.com"))...); err == nil {
		t.Error("an ftp base URL was accepted")
	}
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `{}`) })
	for _, scheme := range securitySchemes {
		for _, env := range scheme.envs {
			t.Setenv(env, "sk-from-env")
		}
	}
	t.Setenv(BaseURLEnv, s.URL+"/env/")
	c, err := NewClient()
	if err != nil {
		t.Fatal(err)
	}
	for name, scheme := range securitySchemes {
		req := request{method: "GET", path: "/things", header: http.Header{}, security: [][]string{{name}}}
		if err := c.do(context.Background(), &req, nil, nil); err != nil {
			t.Fatal(err)
		}
		r, _ := s.request(s.attempts() - 1)
		if r.URL.Path != "/env/things" {
			t.Errorf("path %q, want the env base URL", r.URL.Path)
		}
		if got := sentCredential(r, scheme); len(scheme.envs) > 0 && !strings.Contains(got, "sk-from-env") && scheme.kind != "basic" {
			t.Errorf("%s: sent %q, want the credential from %v", name, got, scheme.envs)
		}
	}
}

func TestPathEscaping(t *testing.T) {
	got, err := expandPath("/a/{id}/b", pathParam{"id", "x/y z?#%", paramStyle{style: "simple"}})
	if err != nil || got != "/a/x%2Fy%20z%3F%23%25/b" {
		t.Errorf("got %q %v", got, err)
	}
	for _, bad := range []any{"", ".", "..", []string{}, nil} {
		if _, err := expandPath("/a/{id}", pathParam{"id", bad, paramStyle{style: "simple"}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := expandPath("/a/{id}", pathParam{"id", []string{}, paramStyle{style: "label"}}); err == nil {
		t.Error("an empty label array accepted")
	}
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `{}`) })
	var out map[string]any
	req := request{method: "GET", path: got, header: http.Header{}}
	if err := newTestClient(t, s).do(context.Background(), &req, &out, nil); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.request(0); r.URL.EscapedPath() != "/v1/a/x%2Fy%20z%3F%23%25/b" {
		t.Errorf("server saw %q", r.URL.EscapedPath())
	}
}

func TestServerClosesEveryConnection(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = bufio.NewWriter(buf).Flush()
			conn.Close()
		}
	})
	err := call(newTestClient(t, s, WithMaxRetries(1)), context.Background())
	var apiErr *Error
	if err == nil || errors.As(err, &apiErr) {
		t.Fatalf("got %v, want a connection error", err)
	}
	if s.attempts() != 2 {
		t.Errorf("%d attempts, want 2", s.attempts())
	}
}
