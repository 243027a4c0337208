package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Error is returned for every response with a 4xx or 5xx status (after retries).
// Use errors.As(err, &apiErr) with apiErr *chatkit.Error.
type Error struct {
	// StatusCode is the HTTP status code.
	StatusCode int
	// Message is the error message from the body ("error.message" or "message"),
	// or the status text.
	Message string
	// RequestID is the x-request-id response header, when sent.
	RequestID string
	// Body is the raw response body.
	Body json.RawMessage
	// Parsed is the body decoded as JSON (maps, slices, json.Number, ...), or nil.
	Parsed any
	// Header holds the response headers.
	Header http.Header
	// Method and URL of the request.
	Method, URL string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q: %d %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" && e.Message != http.StatusText(e.StatusCode) {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request id " + e.RequestID + ")")
	}
	return b.String()
}

// DecodeBody decodes the response body into v (for example the spec's error model).
func (e *Error) DecodeBody(v any) error { return json.Unmarshal(e.Body, v) }

func newError(method, url string, resp *http.Response, body []byte) *Error {
	e := &Error{
		StatusCode: resp.StatusCode,
		RequestID:  resp.Header.Get("X-Request-Id"),
		Body:       body,
		Header:     resp.Header,
		Method:     method,
		URL:        url,
	}
	if v, err := parseJSON(body); err == nil && len(bytes.TrimSpace(body)) > 0 {
		e.Parsed = v
		e.Message = messageOf(v)
	}
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
	}
	return e
}

func messageOf(v any) string {
	obj, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	if inner, ok := obj["error"].(map[string]any); ok {
		if m, ok := inner["message"].(string); ok {
			return m
		}
	}
	if m, ok := obj["error"].(string); ok {
		return m
	}
	if m, ok := obj["message"].(string); ok {
		return m
	}
	return ""
}
