package chatkit

import (
	"context"
	"errors"
	"strings"
	"testing"
)

var testSchemes = map[string]securityScheme{
	"bearer": {kind: "token", in: "header", param: "Authorization", prefix: "Bearer ", options: "WithBearer", envs: []string{"T_BEARER"}},
	"key":    {kind: "token", in: "header", param: "X-API-Key", options: "WithKey", envs: []string{"T_KEY"}},
	"qkey":   {kind: "token", in: "query", param: "api key", options: "WithQKey", envs: []string{"T_QKEY"}},
	"ckey":   {kind: "token", in: "cookie", param: "sid", options: "WithCKey", envs: []string{"T_CKEY"}},
	"basic":  {kind: "basic", in: "header", param: "Authorization", options: "WithBasic", envs: []string{"T_USER", "T_PASS"}},
	"dsn":    {kind: "token", in: "header", param: "Authorization", prefix: "DSN ", options: "WithDSN", envs: []string{"T_DSN"}},
	"tls":    {kind: "tls", options: "WithHTTPClient"},
}

func testConfig(t *testing.T, opts ...Option) config {
	t.Helper()
	for _, s := range testSchemes {
		for _, env := range s.envs {
			t.Setenv(env, "")
		}
	}
	cfg := config{creds: map[string]credential{}}
	if err := cfg.apply(opts); err != nil {
		t.Fatal(err)
	}
	cfg.readCredentials(testSchemes)
	return cfg
}

func TestAuthKinds(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t,
		withCredential("bearer", "tok"), withCredential("key", "k1"), withCredential("qkey", "a/b"),
		withCredential("ckey", "c1"), withCredential("basic", "Aladdin", "open sesame"), withCredential("dsn", "https://x@y/1"),
	)
	for _, tc := range []struct {
		scheme, where, want string
	}{
		{"bearer", "header", "Authorization: Bearer tok"},
		{"key", "header", "X-API-Key: k1"},
		{"qkey", "query", "api%20key=a%2Fb"},
		{"ckey", "cookie", "sid=c1"},
		{"basic", "header", "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
		{"dsn", "header", "Authorization: DSN https://x@y/1"},
	} {
		parts, err := cfg.authFor(ctx, testSchemes, [][]string{{tc.scheme}})
		if err != nil {
			t.Fatalf("%s: %v", tc.scheme, err)
		}
		var got []string
		switch tc.where {
		case "header":
			for _, h := range parts.header {
				got = append(got, h[0]+": "+h[1])
			}
		case "query":
			got = parts.query
		case "cookie":
			got = parts.cookies
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: sent %q, want %q", tc.scheme, got, tc.want)
		}
	}
	if parts, err := cfg.authFor(ctx, testSchemes, [][]string{{"tls"}}); err != nil || len(parts.header)+len(parts.query)+len(parts.cookies) != 0 {
		t.Errorf("mutual TLS sends nothing itself: %+v %v", parts, err)
	}
}

func TestAuthAlternatives(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t, withCredential("key", "k1"), withCredential("ckey", "c1"))
	// OR: the first alternative that can be met; AND: every scheme of it.
	parts, err := cfg.authFor(ctx, testSchemes, [][]string{{"bearer"}, {"key", "ckey"}, {"key"}})
	if err != nil || len(parts.header) != 1 || parts.header[0][1] != "k1" || len(parts.cookies) != 1 {
		t.Errorf("alternatives: %+v %v", parts, err)
	}
	// optional: nothing is needed, but what is there is sent.
	if parts, err := cfg.authFor(ctx, testSchemes, [][]string{{}, {"key"}}); err != nil || len(parts.header) != 1 {
		t.Errorf("optional with a key: %+v %v", parts, err)
	}
	if parts, err := cfg.authFor(ctx, testSchemes, [][]string{{"bearer"}, {}}); err != nil || len(parts.header) != 0 {
		t.Errorf("optional without one: %+v %v", parts, err)
	}
	if parts, err := cfg.authFor(ctx, testSchemes, nil); err != nil || len(parts.header) != 0 {
		t.Errorf("no security: %+v %v", parts, err)
	}
	_, err = cfg.authFor(ctx, testSchemes, [][]string{{"bearer"}, {"basic"}})
	if err == nil || !strings.Contains(err.Error(), "WithBearer") || !strings.Contains(err.Error(), "T_USER") {
		t.Errorf("missing credentials: %v", err)
	}
	if err := cfg.checkCredentials(testSchemes, []string{"bearer"}); err == nil || !strings.Contains(err.Error(), "T_BEARER") {
		t.Errorf("a required scheme without its credential: %v", err)
	}
	if err := cfg.checkCredentials(testSchemes, []string{"key", "tls"}); err != nil {
		t.Errorf("required schemes that are there: %v", err)
	}
}

func TestAuthFromEnvAndTokenSource(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	t.Setenv("T_BEARER", "from-env")
	t.Setenv("T_USER", "u")
	cfg = config{creds: map[string]credential{}}
	calls := 0
	if err := cfg.apply([]Option{withTokenSource("dsn", func(context.Context) (string, error) {
		calls++
		return "fresh", nil
	})}); err != nil {
		t.Fatal(err)
	}
	cfg.readCredentials(testSchemes)
	parts, err := cfg.authFor(ctx, testSchemes, [][]string{{"bearer", "basic", "dsn"}})
	if err != nil || len(parts.header) != 3 || parts.header[0][1] != "Bearer from-env" || parts.header[1][1] != "Basic dTo=" || parts.header[2][1] != "DSN fresh" || calls != 1 {
		t.Errorf("env and token source: %+v %v (%d calls)", parts, err, calls)
	}
	failing := config{creds: map[string]credential{}}
	boom := errors.New("boom")
	_ = failing.apply([]Option{withTokenSource("bearer", func(context.Context) (string, error) { return "", boom })})
	if _, err := failing.authFor(ctx, testSchemes, [][]string{{"bearer"}}); !errors.Is(err, boom) {
		t.Errorf("a failing token source: %v", err)
	}
	bad := config{creds: map[string]credential{}}
	_ = bad.apply([]Option{withTokenSource("bearer", func(context.Context) (string, error) { return " a\tb", nil })})
	if _, err := bad.authFor(ctx, testSchemes, [][]string{{"bearer"}}); err == nil {
		t.Error("a token with whitespace around it was sent")
	}
	if err := (&config{}).apply([]Option{withTokenSource("bearer", nil)}); err == nil {
		t.Error("a nil token source was accepted")
	}
}
