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
	"unicode"
)

// An Option configures a Client (NewClient) or a single call (the variadic
// options of every method).
type Option func(*config) error

type config struct {
	apiKey     string
	apiKeySet  bool
	baseURL    string
	baseURLSet bool
	httpClient *http.Client
	maxRetries int
	timeout    time.Duration
	header     http.Header
}

// WithAPIKey sets the API key (default: the environment variable named by APIKeyEnv).
func WithAPIKey(key string) Option {
	return func(c *config) error {
		c.apiKey, c.apiKeySet = key, true
		return nil
	}
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
	cfg := config{maxRetries: DefaultMaxRetries, timeout: DefaultRequestTimeout, header: http.Header{}}
	if err := cfg.apply(opts); err != nil {
		return config{}, err
	}
	if !cfg.apiKeySet {
		cfg.apiKey = os.Getenv(APIKeyEnv)
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
	if authKind != "none" {
		if c.apiKey == "" {
			return fmt.Errorf("%s: no API key: pass %s.WithAPIKey(...) or set the %s environment variable", packageName, packageName, APIKeyEnv)
		}
		for _, r := range c.apiKey {
			if r > unicode.MaxASCII || !unicode.IsPrint(r) || unicode.IsSpace(r) {
				return fmt.Errorf("%s: the API key contains whitespace, non-printable or non-ASCII characters", packageName)
			}
		}
	}
	u, err := url.Parse(c.baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s: the base URL must be an absolute http:// or https:// URL, got %q", packageName, c.baseURL)
	}
	c.baseURL = strings.TrimRight(c.baseURL, "/")
	return nil
}

func (c config) clone() config {
	c.header = c.header.Clone()
	return c
}

// request is one API call, before retries.
type request struct {
	method string
	path   string // already expanded and escaped
	query  url.Values
	header http.Header // operation headers
	body   []byte      // JSON, or nil
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
	}
	target := cfg.baseURL + req.path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	for retries := 0; ; retries++ {
		resp, body, cancel, err := c.attempt(ctx, &cfg, req, target, retries, stream)
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
func (c *Client) attempt(ctx context.Context, cfg *config, req *request, target string, retries int, stream bool) (*http.Response, []byte, context.CancelFunc, error) {
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
	resp, err := c.send(ctx, cfg, req, target, retries, stream)
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
func (c *Client) send(ctx context.Context, cfg *config, req *request, target string, retries int, stream bool) (*http.Response, error) {
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.method, target, body)
	if err != nil {
		return nil, err
	}
	switch authKind {
	case "bearer":
		hr.Header.Set(authHeader, "Bearer "+cfg.apiKey)
	case "header":
		hr.Header.Set(authHeader, cfg.apiKey)
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
	client := cfg.httpClient
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(hr)
}

// expandPath fills the {name} placeholders of template with escaped values,
// given as name, value pairs. Empty, "." and ".." values are rejected: they
// would change which resource the path names.
func expandPath(template string, pairs ...string) (string, error) {
	for i := 0; i+1 < len(pairs); i += 2 {
		name, value := pairs[i], pairs[i+1]
		if value == "" || value == "." || value == ".." {
			return "", fmt.Errorf("%s: path parameter %s must not be %q", packageName, name, value)
		}
		template = strings.ReplaceAll(template, "{"+name+"}", url.PathEscape(value))
	}
	return template, nil
}

// paramText is the text of a query, header or path parameter value: strings as
// they are, other scalars as their JSON text.
func paramText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if jsonKind(b) == "string" {
		var s string
		err := json.Unmarshal(b, &s)
		return s, err
	}
	return string(b), nil
}

// addQuery adds a form-style query parameter; lists repeat the name (explode) or are comma-joined.
func addQuery(q url.Values, name string, v any, explode bool) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: query parameter %s: %w", packageName, name, err)
	}
	if jsonKind(b) != "array" {
		text, err := paramText(json.RawMessage(b))
		if err != nil {
			return err
		}
		q.Add(name, text)
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		return err
	}
	texts := make([]string, len(items))
	for i, item := range items {
		if texts[i], err = paramText(item); err != nil {
			return err
		}
	}
	if explode {
		for _, t := range texts {
			q.Add(name, t)
		}
	} else {
		q.Add(name, strings.Join(texts, ","))
	}
	return nil
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

// paramString is the text of a non-string path parameter.
func paramString(v any) string {
	s, err := paramText(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return s
}

// setHeader sets a header parameter from its value's text.
func setHeader(h http.Header, name string, v any) error {
	s, err := paramText(v)
	if err != nil {
		return fmt.Errorf("%s: header parameter %s: %w", packageName, name, err)
	}
	h.Set(name, s)
	return nil
}
