package chatkit

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The retry policy: connection errors, 408, 409, 429 and 5xx responses are
// retried up to MaxRetries times, waiting 0.5 s * 2^n (capped at 8 s, +/- 25 %
// jitter) or what the server asks for with retry-after-ms / Retry-After (0-60 s).
const (
	// DefaultMaxRetries is the number of retries when WithMaxRetries is not given.
	DefaultMaxRetries = 2
	// DefaultRequestTimeout bounds each attempt when WithRequestTimeout is not given.
	DefaultRequestTimeout = 10 * time.Minute

	initialRetryDelay = 500 * time.Millisecond
	maxRetryDelay     = 8 * time.Second
	maxRetryAfter     = 60 * time.Second
	retryJitter       = 0.25
)

// shouldRetry reports whether a response with this status is retried; an
// "x-should-retry: true|false" header overrides the status code.
func shouldRetry(status int, header http.Header) bool {
	switch strings.ToLower(strings.TrimSpace(header.Get("X-Should-Retry"))) {
	case "true":
		return true
	case "false":
		return false
	}
	return status == http.StatusRequestTimeout || status == http.StatusConflict ||
		status == http.StatusTooManyRequests || status >= 500
}

// retryAfter is the delay the server asks for: retry-after-ms wins over
// Retry-After (seconds or an HTTP date). Values outside [0, 60 s] are ignored.
func retryAfter(header http.Header, now time.Time) (time.Duration, bool) {
	seconds := math.NaN()
	if v := header.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			seconds = ms / 1000
		}
	}
	if v := strings.TrimSpace(header.Get("Retry-After")); math.IsNaN(seconds) && v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil {
			seconds = s
		} else if when, err := http.ParseTime(v); err == nil {
			seconds = math.Max(when.Sub(now).Seconds(), 0)
		}
	}
	if math.IsNaN(seconds) || seconds < 0 || seconds > maxRetryAfter.Seconds() {
		return 0, false
	}
	return time.Duration(seconds * float64(time.Second)), true
}

// retryDelay is the wait before retry number retries+1; frac in [0, 1) picks the jitter.
func retryDelay(retries int, header http.Header, frac float64, now time.Time) time.Duration {
	if header != nil {
		if d, ok := retryAfter(header, now); ok {
			return d
		}
	}
	exp := min(max(retries, 0), 16)
	base := min(float64(initialRetryDelay)*math.Pow(2, float64(exp)), float64(maxRetryDelay))
	return time.Duration(base * (1 - retryJitter + 2*retryJitter*frac))
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
