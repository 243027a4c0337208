package chatkit

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// ServerSentEvent is one event of a text/event-stream response.
type ServerSentEvent struct {
	Event string
	Data  string // the event's data lines, joined by "\n"
	ID    string
	Retry int // milliseconds; 0 when not given
}

// Stream reads the events of a streamed response, one at a time:
//
//	for stream.Next() {
//		event := stream.Current()
//		...
//	}
//	if err := stream.Err(); err != nil { ... }
//
// A data line "[DONE]" ends the stream. Close the stream when done with it
// (Next closes it at the end of the events or on an error).
type Stream[T any] struct {
	resp   *http.Response
	cancel context.CancelFunc
	ctx    context.Context
	r      *bufio.Reader
	decode func(ServerSentEvent) (T, error)
	what   string // "METHOD URL", for errors
	cur    T
	err    error
	done   bool
}

func newStream[T any](ctx context.Context, resp *http.Response, cancel context.CancelFunc, what string, decode func(ServerSentEvent) (T, error)) *Stream[T] {
	return &Stream[T]{resp: resp, cancel: cancel, ctx: ctx, r: bufio.NewReader(resp.Body), decode: decode, what: what}
}

// openStream sends req (retrying as configured until the stream starts) and
// returns its events, each decoded by decode.
func openStream[T any](ctx context.Context, c *Client, req *request, opts []Option, decode func(ServerSentEvent) (T, error)) (*Stream[T], error) {
	resp, _, cancel, target, err := c.exchange(ctx, req, opts, true)
	if err != nil {
		return nil, err
	}
	return newStream(ctx, resp, cancel, req.method+" "+target, decode), nil
}

// jsonEvents decodes each event's data with a validating JSON decoder.
func jsonEvents[T any](dec func([]byte) (T, error)) func(ServerSentEvent) (T, error) {
	return func(ev ServerSentEvent) (T, error) { return dec([]byte(ev.Data)) }
}

// rawEvents passes events through undecoded.
func rawEvents(ev ServerSentEvent) (ServerSentEvent, error) { return ev, nil }

// Next advances to the next event, reporting whether there is one.
func (s *Stream[T]) Next() bool {
	if s.done {
		return false
	}
	ev, ok, err := s.read()
	if err != nil {
		if s.ctx.Err() != nil {
			err = s.ctx.Err()
		}
		s.fail(fmt.Errorf("%s: %s: reading the stream: %w", packageName, s.what, err))
		return false
	}
	if !ok || ev.Data == "[DONE]" {
		s.Close()
		return false
	}
	v, err := s.decode(ev)
	if err != nil {
		s.fail(fmt.Errorf("%s: %s: decoding a stream event: %w", packageName, s.what, err))
		return false
	}
	s.cur = v
	return true
}

// Current is the event Next advanced to.
func (s *Stream[T]) Current() T { return s.cur }

// Err is the error that ended the stream, or nil when it ended normally.
func (s *Stream[T]) Err() error { return s.err }

// Close ends the stream and releases its connection. It is safe to call more than once.
func (s *Stream[T]) Close() error {
	if s.resp == nil {
		s.done = true
		return nil
	}
	err := s.resp.Body.Close()
	s.cancel()
	s.resp, s.done = nil, true
	return err
}

func (s *Stream[T]) fail(err error) {
	s.err = err
	_ = s.Close()
}

// read parses lines up to the next event with data; ok is false at the end of the stream.
func (s *Stream[T]) read() (ev ServerSentEvent, ok bool, err error) {
	var data []string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return ev, false, err
		}
		eof := err != nil
		if eof && line == "" {
			if data != nil { // a last event without its blank line
				ev.Data = strings.Join(data, "\n")
				return ev, true, nil
			}
			return ev, false, nil
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			if data != nil {
				ev.Data = strings.Join(data, "\n")
				return ev, true, nil
			}
			ev = ServerSentEvent{}
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue // a comment
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "data":
			data = append(data, value)
		case "event":
			ev.Event = value
		case "id":
			if !strings.ContainsRune(value, 0) {
				ev.ID = value
			}
		case "retry":
			if n, err := strconv.Atoi(value); err == nil && n >= 0 {
				ev.Retry = n
			}
		}
	}
}
