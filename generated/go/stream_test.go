package chatkit

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

type testChunk struct {
	ID string
	N  int64
}

func (c *testChunk) UnmarshalJSON(data []byte) error {
	var f [2][]byte
	if _, err := splitObject(data, f[:], testChunkField); err != nil {
		return err
	}
	if err := required(f[0], "id", &c.ID, decodeString); err != nil {
		return err
	}
	return required(f[1], "n", &c.N, decodeInt)
}

func testChunkField(key []byte) int {
	switch string(key) {
	case "id":
		return 0
	case "n":
		return 1
	}
	return -1
}

func openTestStream[T any](t *testing.T, c *Client, ctx context.Context, decode func(ServerSentEvent) (T, error)) (*Stream[T], error) {
	t.Helper()
	req := request{method: "POST", path: "/stream", header: http.Header{}, body: []byte(`{"stream":true}`)}
	return openStream(ctx, c, &req, nil, decode)
}

func TestStreamTypedEvents(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After-Ms", "1")
			reply(w, 503, `{"error":{"message":"busy"}}`)
			return
		}
		replyEvents(w, ": a comment\n"+
			"data: {\"id\":\"a\",\"n\":1}\n\n"+
			"event: chunk\r\nid: 7\r\nretry: 1500\r\ndata: {\"id\":\"b\",\r\ndata: \"n\":2}\r\n\r\n"+
			"event: ping\n\n"+
			"data: [DONE]\n\n"+
			"data: {\"id\":\"after\",\"n\":3}\n\n")
	})
	c := newTestClient(t, s)
	stream, err := openTestStream(t, c, context.Background(), jsonEvents(decodeModel[testChunk, *testChunk]))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var got []testChunk
	for stream.Next() {
		got = append(got, stream.Current())
	}
	if stream.Err() != nil {
		t.Fatal(stream.Err())
	}
	if len(got) != 2 || got[0] != (testChunk{"a", 1}) || got[1] != (testChunk{"b", 2}) {
		t.Fatalf("got %+v", got)
	}
	if stream.Next() {
		t.Error("Next after the end")
	}
	r, _ := s.request(1)
	if s.attempts() != 2 || r.Header.Get("Accept") != "text/event-stream" {
		t.Errorf("attempts %d, Accept %q", s.attempts(), r.Header.Get("Accept"))
	}
}

func TestStreamRawEvents(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		replyEvents(w, "event: note\nid: 3\nretry: 250\ndata: line one\ndata:line two\ndata\n\n:only a comment\n\nid: 4\ndata: last without blank line")
	})
	stream, err := openTestStream(t, newTestClient(t, s), context.Background(), rawEvents)
	if err != nil {
		t.Fatal(err)
	}
	var got []ServerSentEvent
	for stream.Next() {
		got = append(got, stream.Current())
	}
	want := []ServerSentEvent{
		{Event: "note", Data: "line one\nline two\n", ID: "3", Retry: 250},
		{Data: "last without blank line", ID: "4"},
	}
	if stream.Err() != nil || len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %+v, %v", got, stream.Err())
	}
}

func TestStreamDecodeErrorNamesThePath(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		replyEvents(w, "data: {\"id\":\"a\",\"n\":1}\n\ndata: {\"id\":\"b\",\"n\":\"two\"}\n\ndata: {\"id\":\"c\",\"n\":3}\n\n")
	})
	stream, err := openTestStream(t, newTestClient(t, s), context.Background(), jsonEvents(decodeModel[testChunk, *testChunk]))
	if err != nil {
		t.Fatal(err)
	}
	if !stream.Next() || stream.Current().ID != "a" {
		t.Fatalf("first event: %v", stream.Err())
	}
	if stream.Next() {
		t.Fatal("a bad event decoded")
	}
	var verr *ValidationError
	if !errors.As(stream.Err(), &verr) || verr.Path != "n" || !strings.Contains(stream.Err().Error(), "decoding a stream event") {
		t.Fatalf("got %v", stream.Err())
	}
	if stream.Next() {
		t.Error("Next after an error")
	}
}

func TestStreamErrorStatusBeforeStreaming(t *testing.T) {
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		reply(w, 404, `{"error":{"message":"no such model"}}`)
	})
	stream, err := openTestStream(t, newTestClient(t, s), context.Background(), rawEvents)
	var apiErr *Error
	if stream != nil || !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Message != "no such model" {
		t.Fatalf("got %v, %v", stream, err)
	}
	if s.attempts() != 1 {
		t.Errorf("attempts %d", s.attempts())
	}
}

func TestStreamContextCancelledMidStream(t *testing.T) {
	release, second := make(chan struct{}), make(chan struct{})
	s := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, "data: {\"id\":\"a\",\"n\":1}\n\n")
		w.(http.Flusher).Flush()
		<-second
		_, _ = io.WriteString(w, "data: {\"id\":\"b\",\"n\":2}\n\n")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := newTestClient(t, s, WithRequestTimeout(50*time.Millisecond))
	stream, err := openTestStream(t, c, ctx, jsonEvents(decodeModel[testChunk, *testChunk]))
	if err != nil {
		t.Fatal(err)
	}
	if !stream.Next() || stream.Current().ID != "a" {
		t.Fatalf("first event: %v", stream.Err())
	}
	time.Sleep(100 * time.Millisecond) // past the request timeout: it bounds only the wait for headers
	close(second)
	if !stream.Next() || stream.Current().ID != "b" {
		t.Fatalf("second event: %v", stream.Err())
	}
	cancel()
	done := make(chan bool)
	go func() { done <- stream.Next() }()
	select {
	case more := <-done:
		if more || !errors.Is(stream.Err(), context.Canceled) {
			t.Fatalf("got %v, %v", more, stream.Err())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Next did not return after the context was cancelled")
	}
	if err := stream.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
