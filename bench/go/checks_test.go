package goruntime

import (
	"bytes"
	"encoding/json"
	"testing"

	"example.com/chatkit"
	"github.com/openai/openai-go/v3"
)

// roundTrip decodes data into a T and encodes it again.
func roundTrip[T any](data []byte) ([]byte, error) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func sameJSON(a, b []byte) bool {
	norm := func(data []byte) ([]byte, bool) {
		var v any
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		if d.Decode(&v) != nil {
			return nil, false
		}
		out, err := json.Marshal(v)
		return out, err == nil
	}
	x, okX := norm(a)
	y, okY := norm(b)
	return okX && okY && bytes.Equal(x, y)
}

// TestChecks reports, for bench/go_runtime.py, whether each SDK round-trips each
// payload exactly and rejects a bad expires_at. Only oasgen's answers are required.
func TestChecks(t *testing.T) {
	session := load(t, "chat_session.json")
	params := load(t, "session_create_params.json")
	bad := bytes.Replace(session, []byte(`"expires_at":1735689600`), []byte(`"expires_at":"soon"`), 1)
	cases := []struct {
		sdk, what string
		run       func([]byte) ([]byte, error)
		data      []byte
	}{
		{"oasgen", "chat_session", roundTrip[chatkit.ChatSession], session},
		{"openai", "chat_session", roundTrip[openai.ChatSession], session},
		{"oasgen", "create_params", roundTrip[chatkit.SessionCreateParams], params},
		{"openai", "create_params", roundTrip[openai.BetaChatKitSessionNewParams], params},
	}
	for _, c := range cases {
		out, err := c.run(c.data)
		exact := err == nil && sameJSON(out, c.data)
		t.Logf("check %s %s round_trip_exact=%v", c.sdk, c.what, exact)
		if c.sdk == "oasgen" && !exact {
			t.Errorf("oasgen %s round trip: %v\n%s", c.what, err, out)
		}
	}
	for _, c := range cases[:2] {
		_, err := c.run(bad)
		t.Logf("check %s chat_session rejects_bad_expires_at=%v", c.sdk, err != nil)
		if c.sdk == "oasgen" && err == nil {
			t.Error("oasgen accepted a string expires_at")
		}
	}
}
