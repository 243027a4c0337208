package chatkit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// An Option configures a Client (NewClient) or a single call (the variadic
// options of every method).
type Option func(*config) error

type config struct {
	creds      map[string]credential // by security scheme
	baseURL    string
	baseURLSet bool
	httpClient *http.Client
	maxRetries int
	timeout    time.Duration
	header     http.Header
}

// WithBaseURL sets the API's base URL (default: the environment variable named
// by BaseURLEnv, then DefaultBaseURL).
func WithBaseURL(base string) Option {
	return func(c *config) error {
		c.baseURL, c.baseURLSet = base, true
		return nil
	}
}

// WithHTTPClient sets the *http.Client used to send requests (default: http.DefaultClient).
func WithHTTPClient(client *http.Client) Option {
	return func(c *config) error {
		if client == nil {
			return errors.New("WithHTTPClient: client is nil")
		}
		c.httpClient = client
		return nil
	}
}

// WithMaxRetries sets how often a failed request is retried (default DefaultMaxRetries; 0 disables retries).
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("WithMaxRetries: must be >= 0, got %d", n)
		}
		c.maxRetries = n
		return nil
	}
}

// WithRequestTimeout bounds each attempt (default DefaultRequestTimeout; 0 means no limit).
// The context passed to a method bounds the whole call, retries included.
func WithRequestTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("WithRequestTimeout: must be >= 0, got %s", d)
		}
		c.timeout = d
		return nil
	}
}

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option {
	return func(c *config) error {
		if name == "" {
			return errors.New("WithHeader: empty header name")
		}
		c.header.Set(name, value)
		return nil
	}
}

func newConfig(opts []Option) (config, error) {
	cfg := config{maxRetries: DefaultMaxRetries, timeout: DefaultRequestTimeout, header: http.Header{}, creds: map[string]credential{}}
	if err := cfg.apply(opts); err != nil {
		return config{}, err
	}
	cfg.readCredentials(securitySchemes)
	if err := cfg.checkCredentials(securitySchemes, requiredSchemes); err != nil {
		return config{}, err
	}
	if !cfg.baseURLSet {
		cfg.baseURL = os.Getenv(BaseURLEnv)
		if cfg.baseURL == "" {
			cfg.baseURL = DefaultBaseURL
		}
	}
	return cfg, cfg.check()
}

func (c *config) apply(opts []Option) error {
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return fmt.Errorf("%s: %w", packageName, err)
		}
	}
	return nil
}

func (c *config) check() error {
	u, err := url.Parse(c.baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s: the base URL must be an absolute http:// or https:// URL, got %q", packageName, c.baseURL)
	}
	c.baseURL = strings.TrimRight(c.baseURL, "/")
	return nil
}

func (c config) clone() config {
	c.header = c.header.Clone()
	creds := make(map[string]credential, len(c.creds))
	for k, v := range c.creds {
		creds[k] = v
	}
	c.creds = creds
	return c
}

// request is one API call, before retries.
type request struct {
	method   string
	path     string      // already expanded and escaped
	query    []string    // encoded key=value pieces, in order
	header   http.Header // operation headers
	cookies  []string    // encoded name=value pieces
	security [][]string  // alternatives (OR) of security schemes (AND); nil: no credentials
	body     []byte      // JSON, or nil
}

// userAgent identifies the SDK, its version and the Go version.
func userAgent() string {
	return sdkName + "/" + Version + " go/" + strings.TrimPrefix(runtime.Version(), "go")
}

// do sends req (retrying as configured) and decodes a 2xx JSON body into out (when out is not nil).
func (c *Client) do(ctx context.Context, req *request, out any, opts []Option) error {
	_, body, _, target, err := c.exchange(ctx, req, opts, false)
	if err != nil {
		return err
	}
	switch o := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*o = body
		return nil
	case *string:
		*o = string(body)
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s: %s %s: decoding the response: %w", packageName, req.method, target, err)
	}
	return nil
}

// exchange sends req, retrying as configured, until a 2xx response (or an error).
// It returns the 2xx body read whole, or, when stream is set, the response still
// open: the caller closes its body and then calls cancel.
func (c *Client) exchange(ctx context.Context, req *request, opts []Option, stream bool) (*http.Response, []byte, context.CancelFunc, string, error) {
	cfg := c.cfg.clone()
	if len(opts) > 0 {
		if err := cfg.apply(opts); err != nil {
			return nil, nil, nil, "", err
		}
		if err := cfg.check(); err != nil {
			return nil, nil, nil, "", err
		}
		if err := cfg.checkCredentials(securitySchemes, nil); err != nil {
			return nil, nil, nil, "", err
		}
	}
	auth, err := cfg.authFor(ctx, securitySchemes, req.security)
	if err != nil {
		return nil, nil, nil, "", fmt.Errorf("%s: %s %s: %w", packageName, req.method, req.path, err)
	}
	target := cfg.baseURL + req.path
	if query := append(append([]string(nil), req.query...), auth.query...); len(query) > 0 {
		sep := "?"
		if strings.Contains(req.path, "?") { // a next page link's path carries its query
			sep = "&"
		}
		target += sep + strings.Join(query, "&")
	}
	for retries := 0; ; retries++ {
		resp, body, cancel, err := c.attempt(ctx, &cfg, req, &auth, target, retries, stream)
		var delay time.Duration
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, nil, nil, target, fmt.Errorf("%s: %s %s: %w", packageName, req.method, target, ctx.Err())
			}
			if retries >= cfg.maxRetries {
				return nil, nil, nil, target, fmt.Errorf("%s: %s %s: %w", packageName, req.method, target, err)
			}
			delay = retryDelay(retries, nil, rand.Float64(), time.Now())
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			return resp, body, cancel, target, nil
		default:
			if retries >= cfg.maxRetries || !shouldRetry(resp.StatusCode, resp.Header) {
				return nil, nil, nil, target, newError(req.method, target, resp, body)
			}
			delay = retryDelay(retries, resp.Header, rand.Float64(), time.Now())
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, nil, nil, target, fmt.Errorf("%s: %s %s: waiting to retry: %w", packageName, req.method, target, err)
		}
	}
}

// attempt sends the request once. It reads the whole response, except a 2xx
// response to a stream request, which it returns open (with the cancel that
// ends it); the per-attempt timeout then bounds only the wait for the headers.
func (c *Client) attempt(ctx context.Context, cfg *config, req *request, auth *authParts, target string, retries int, stream bool) (*http.Response, []byte, context.CancelFunc, error) {
	var cancel context.CancelFunc
	var timer *time.Timer
	if cfg.timeout > 0 && !stream {
		ctx, cancel = context.WithTimeout(ctx, cfg.timeout)
	} else {
		ctx, cancel = context.WithCancel(ctx)
		if cfg.timeout > 0 {
			timer = time.AfterFunc(cfg.timeout, cancel)
		}
	}
	resp, err := c.send(ctx, cfg, req, auth, target, retries, stream)
	if timer != nil && !timer.Stop() && err == nil {
		resp.Body.Close()
		err = context.DeadlineExceeded
	}
	if err != nil {
		cancel()
		return nil, nil, nil, err
	}
	if stream && resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp, nil, cancel, nil
	}
	defer cancel()
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, nil, err
	}
	return resp, data, nil, nil
}

// send builds the HTTP request and sends it.
func (c *Client) send(ctx context.Context, cfg *config, req *request, auth *authParts, target string, retries int, stream bool) (*http.Response, error) {
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.method, target, body)
	if err != nil {
		return nil, err
	}
	for _, h := range auth.header {
		hr.Header.Set(h[0], h[1])
	}
	hr.Header.Set("User-Agent", userAgent())
	if stream {
		hr.Header.Set("Accept", "text/event-stream")
	} else {
		hr.Header.Set("Accept", "application/json")
	}
	if req.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if retries > 0 {
		hr.Header.Set("X-Retry-Count", strconv.Itoa(retries))
	}
	for name, values := range cfg.header {
		hr.Header[name] = append([]string(nil), values...)
	}
	for name, values := range req.header {
		hr.Header[name] = append([]string(nil), values...)
	}
	if cookies := append(append([]string(nil), req.cookies...), auth.cookies...); len(cookies) > 0 {
		hr.Header.Set("Cookie", strings.Join(cookies, "; "))
	}
	client := cfg.httpClient
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(hr)
}

// encodeBody encodes a request model and validates it like a response would be,
// so a request that breaks the schema fails before anything is sent. It calls the
// model's MarshalJSON itself: json.Marshal would only re-scan the compact output.
func encodeBody[T any, P interface {
	*T
	json.Unmarshaler
	json.Marshaler
}](v T) ([]byte, error) {
	b, err := P(&v).MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("%s: encoding the request body: %w", packageName, err)
	}
	if err := P(new(T)).UnmarshalJSON(b); err != nil {
		return nil, fmt.Errorf("%s: invalid request body: %w", packageName, err)
	}
	return b, nil
}
