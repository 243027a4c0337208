// Package goruntime benchmarks the generated Go SDK (example.com/chatkit, generated/go)
// against openai-go on the same payloads: decode and encode of a ChatSession response
// and of the session create params. Bench-only: nothing in the SDK depends on it.
//
//	cd bench/go && go test -run '^$' -bench . -benchmem
//
// (or bench/go_runtime.py, which prints ns/op and ratios).
package goruntime

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"example.com/chatkit"
	"github.com/openai/openai-go/v3"
)

func load(b testing.TB, name string) []byte {
	b.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Compact(&out, data); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

func decode[T any](b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func encode[T any](b *testing.B, data []byte, check bool) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	if check && !sameJSON(out, data) {
		b.Fatalf("round trip differs:\n got %s\nwant %s", out, data)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		if _, err := json.Marshal(v); err != nil {
			b.Fatal(err)
		}
	}
}

// marshalJSON calls the type's own MarshalJSON: what each SDK's client does with a
// request body, without the validating compaction json.Marshal runs on its output.
func marshalJSON[T any, P interface {
	*T
	json.Marshaler
}](b *testing.B, data []byte) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	out, err := P(&v).MarshalJSON()
	if err != nil || !sameJSON(out, data) {
		b.Fatalf("round trip differs (%v):\n got %s\nwant %s", err, out, data)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		if _, err := P(&v).MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChatSessionDecode(b *testing.B) {
	data := load(b, "chat_session.json")
	b.Run("sdk=oasgen", func(b *testing.B) { decode[chatkit.ChatSession](b, data) })
	b.Run("sdk=openai", func(b *testing.B) { decode[openai.ChatSession](b, data) })
}

// openai-go's response types have no MarshalJSON: json.Marshal encodes them by reflection,
// and not faithfully (a state variable becomes {"OfBool":...,"OfString":...}, a null 0), so
// only ours is checked against the payload. openai-go keeps the JSON it received instead
// (RawJSON()).
func BenchmarkChatSessionEncode(b *testing.B) {
	data := load(b, "chat_session.json")
	b.Run("sdk=oasgen", func(b *testing.B) { encode[chatkit.ChatSession](b, data, true) })
	b.Run("sdk=openai", func(b *testing.B) { encode[openai.ChatSession](b, data, false) })
}

func BenchmarkChatSessionMarshalJSON(b *testing.B) {
	data := load(b, "chat_session.json")
	b.Run("sdk=oasgen", func(b *testing.B) { marshalJSON[chatkit.ChatSession](b, data) })
}

func BenchmarkCreateParamsDecode(b *testing.B) {
	data := load(b, "session_create_params.json")
	b.Run("sdk=oasgen", func(b *testing.B) { decode[chatkit.SessionCreateParams](b, data) })
	b.Run("sdk=openai", func(b *testing.B) { decode[openai.BetaChatKitSessionNewParams](b, data) })
}

func BenchmarkCreateParamsEncode(b *testing.B) {
	data := load(b, "session_create_params.json")
	b.Run("sdk=oasgen", func(b *testing.B) { encode[chatkit.SessionCreateParams](b, data, true) })
	b.Run("sdk=openai", func(b *testing.B) { encode[openai.BetaChatKitSessionNewParams](b, data, true) })
}

func BenchmarkCreateParamsMarshalJSON(b *testing.B) {
	data := load(b, "session_create_params.json")
	b.Run("sdk=oasgen", func(b *testing.B) { marshalJSON[chatkit.SessionCreateParams](b, data) })
	b.Run("sdk=openai", func(b *testing.B) { marshalJSON[openai.BetaChatKitSessionNewParams](b, data) })
}
