package chatkit

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryDelayPolicy(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		retries int
		header  http.Header
		frac    float64
		want    time.Duration
	}{
		{0, nil, 0, 375 * time.Millisecond},
		{0, nil, 0.5, 500 * time.Millisecond},
		{1, nil, 0.5, time.Second},
		{3, nil, 0.5, 4 * time.Second},
		{4, nil, 0.5, 8 * time.Second},
		{30, nil, 0.5, 8 * time.Second},
		{5, nil, 0, 6 * time.Second},
		{0, http.Header{"Retry-After": {"2"}}, 0.5, 2 * time.Second},
		{0, http.Header{"Retry-After": {"0"}}, 0.5, 0},
		{0, http.Header{"Retry-After": {"1.5"}}, 0.5, 1500 * time.Millisecond},
		{0, http.Header{"Retry-After": {"61"}}, 0.5, 500 * time.Millisecond},
		{0, http.Header{"Retry-After": {"-1"}}, 0.5, 500 * time.Millisecond},
		{0, http.Header{"Retry-After": {"soon"}}, 0.5, 500 * time.Millisecond},
		{0, http.Header{"Retry-After": {now.Add(10 * time.Second).Format(http.TimeFormat)}}, 0.5, 10 * time.Second},
		{0, http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}}, 0.5, 0},
		{0, http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}}, 0.5, 250 * time.Millisecond},
		{0, http.Header{"Retry-After-Ms": {"NaN"}, "Retry-After": {"3"}}, 0.5, 3 * time.Second},
	}
	for _, c := range cases {
		if got := retryDelay(c.retries, c.header, c.frac, now); got != c.want {
			t.Errorf("retryDelay(%d, %v, %v) = %s, want %s", c.retries, c.header, c.frac, got, c.want)
		}
	}
	if d := retryDelay(0, nil, 0.9999, now); d >= 625*time.Millisecond || d < 620*time.Millisecond {
		t.Errorf("upper jitter bound: %s", d)
	}
	for status, want := range map[int]bool{200: false, 400: false, 404: false, 408: true, 409: true, 429: true, 500: true, 599: true} {
		if got := shouldRetry(status, http.Header{}); got != want {
			t.Errorf("shouldRetry(%d) = %v", status, got)
		}
	}
}

type optHolder struct {
	Name Opt[Nullable[string]]
	N    Opt[int64]
	Req  Nullable[int64]
}

func (h optHolder) MarshalJSON() ([]byte, error) { return marshalValue(h) }

func (h optHolder) writeJSON(w *jsonWriter) {
	w.open()
	if h.Name.IsSet() {
		encodeNullable(encodeString)(h.Name.Value(), w.key(`"name":`))
	}
	if h.N.IsSet() {
		encodeInt(h.N.Value(), w.key(`"n":`))
	}
	encodeNullable(encodeInt)(h.Req, w.key(`"req":`))
	w.close()
}

func (h *optHolder) UnmarshalJSON(data []byte) error {
	var f [3][]byte
	if _, err := splitObject(data, f[:], optHolderField); err != nil {
		return err
	}
	var out optHolder
	if err := optional(f[0], "name", &out.Name, nullableOf(decodeString)); err != nil {
		return err
	}
	if err := optional(f[1], "n", &out.N, decodeInt); err != nil {
		return err
	}
	if err := required(f[2], "req", &out.Req, nullableOf(decodeInt)); err != nil {
		return err
	}
	*h = out
	return nil
}

func optHolderField(key []byte) int {
	switch string(key) {
	case "name":
		return 0
	case "n":
		return 1
	case "req":
		return 2
	}
	return -1
}

func TestAbsentNullValueRoundTrip(t *testing.T) {
	for _, text := range []string{
		`{"req":null}`,
		`{"name":null,"req":1}`,
		`{"name":"x","n":0,"req":9223372036854775807}`,
		`{"n":-3,"req":null}`,
	} {
		var h optHolder
		mustDecode(t, text, &h)
		checkJSON(t, h, text)
	}
	var h optHolder
	mustDecode(t, `{"name":null,"req":null}`, &h)
	if !h.Name.IsSet() || !h.Name.Value().IsNull() || h.N.IsSet() || !h.Req.IsNull() {
		t.Errorf("absent/null/value mixed up: %+v", h)
	}
	h = optHolder{Name: SomeNotNull("a"), N: Some[int64](0)}
	checkJSON(t, h, `{"name":"a","n":0,"req":null}`)
	h.N.Unset()
	h.Name = SomeNull[string]()
	checkJSON(t, h, `{"name":null,"req":null}`)
	if v, ok := Some(5).Get(); !ok || v != 5 || (Opt[int]{}).Or(7) != 7 {
		t.Error("Opt accessors")
	}
	checkDecodeError(t, `{"req":"1"}`, &h, "req")
	checkDecodeError(t, `{"req":1,"n":null}`, &h, "n")
	checkDecodeError(t, `{"req":1,"name":5}`, &h, "name")
}

type secretHolder struct {
	Token    Secret
	Maybe    Opt[Secret]
	Nullable Nullable[Secret]
	Nested   []Opt[Secret]
}

func TestSecretsAreRedacted(t *testing.T) {
	const value = "sk-very-secret-value"
	h := secretHolder{Token: value, Maybe: Some[Secret](value), Nullable: NotNull[Secret](value), Nested: []Opt[Secret]{Some[Secret](value)}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		for _, arg := range []any{h, &h, h.Token, h.Maybe, h.Nullable} {
			if out := fmt.Sprintf(verb, arg); strings.Contains(out, value) || strings.Contains(out, fmt.Sprintf("%x", value)) {
				t.Errorf("%s leaks the secret: %s", verb, out)
			}
		}
	}
	if h.Token.String() != "[redacted]" || h.Token.Reveal() != value || fmt.Sprint(h.Token) != "[redacted]" {
		t.Error("Secret String/Reveal")
	}
	b, _ := json.Marshal(h.Token)
	if string(b) != `"`+value+`"` {
		t.Errorf("JSON must carry the real value, got %s", b)
	}
}

func TestUnionKeepsJSONExactly(t *testing.T) {
	what := "string | boolean | number"
	for _, text := range []string{`"1"`, `true`, `1`, `1.0`, `-2.0e3`, `12345678901234567890123`, `0`, `""`} {
		u, err := decodeUnion([]byte(text), what, variant(decodeString), variant(decodeBool), variant(decodeNumber))
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if b, _ := json.Marshal(u); string(b) != text {
			t.Errorf("%s came back as %s", text, b)
		}
	}
	for _, text := range []string{`[]`, `{}`, `null`} {
		_, err := decodeUnion([]byte(text), what, variant(decodeString), variant(decodeBool), variant(decodeNumber))
		if err == nil || err.Error() != "expected "+what+", got "+jsonKind([]byte(text)) {
			t.Errorf("%s: %v", text, err)
		}
	}
	u := unionOf(json.Number("12"))
	if n, ok := unionAs(u, decodeInt); !ok || n != 12 {
		t.Error("integer accessor")
	}
	if _, ok := unionAs(u, decodeBool); ok {
		t.Error("a number read as a boolean")
	}
}

func TestDecoderPaths(t *testing.T) {
	dec := mapOf(listOf(checked(decodeInt, minimum[int64](1))))
	for text, want := range map[string]string{
		`{"a":[1,2,"x"]}`: `a[2]: expected integer, got string`,
		`{"a":[1,0]}`:     `a[1]: must be >= 1, got 0`,
		`{"a":{}}`:        `a: expected array, got object`,
		`[1]`:             `expected object, got array`,
	} {
		if _, err := dec([]byte(text)); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", text, err, want)
		}
	}
	if n, err := decodeInt([]byte("9007199254740993")); err != nil || n != 9007199254740993 {
		t.Errorf("big integer: %d %v", n, err)
	}
	if n, err := decodeInt([]byte("2.0")); err != nil || n != 2 {
		t.Errorf("2.0 is an integer in JSON Schema: %d %v", n, err)
	}
	for _, bad := range []string{"2.5", "true", `"2"`, "null", "1e400"} {
		if _, err := decodeInt([]byte(bad)); err == nil {
			t.Errorf("decodeInt accepted %s", bad)
		}
	}
}

func TestSharedDiscriminatorValueTriesEachVariant(t *testing.T) {
	role := func(want string) func([]byte) error {
		return func(raw []byte) error {
			fields, err := decodeObject(raw)
			if err != nil {
				return err
			}
			if got, _ := decodeString(fields["role"]); got != want {
				return at(&ValidationError{Message: "expected role " + want}, "role")
			}
			return nil
		}
	}
	variants := map[string]func([]byte) error{"message": firstVariant(role("user"), role("assistant"))}
	for _, ok := range []string{`{"type":"message","role":"user"}`, `{"type":"message","role":"assistant"}`} {
		if _, err := decodeTagged([]byte(ok), "type", "A | B", variants); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	_, err := decodeTagged([]byte(`{"type":"message","role":"tool"}`), "type", "A | B", variants)
	if err == nil || !strings.Contains(err.Error(), "role: expected role user") {
		t.Errorf("want the first variant's error, got %v", err)
	}
}
