package chatkit

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// The hand-written encoders must write exactly what encoding/json writes.
func TestEncodersMatchEncodingJSON(t *testing.T) {
	strs := []string{"", "plain", `q"uote`, `back\slash`, "<a href='x'>&</a>", "tab\tnew\nline\x01",
		"héllo wörld", "emoji 😀", "bad \xff utf8", "line\u2028sep\u2029", strings.Repeat("x", 300)}
	for _, s := range strs {
		checkEncoder(t, s, encodeString)
	}
	for _, n := range []int64{0, 1, -1, 42, math.MaxInt64, math.MinInt64} {
		checkEncoder(t, n, encodeInt)
	}
	for _, f := range []float64{0, 1, -1.5, 0.1, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, -2.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		checkEncoder(t, f, encodeFloat)
	}
	checkEncoder(t, true, encodeBool)
	checkEncoder(t, false, encodeBool)
	checkEncoder(t, []string{"a", "<b>"}, encodeList(encodeString))
	checkEncoder(t, []string(nil), encodeList(encodeString))
	checkEncoder(t, []int64{}, encodeList(encodeInt))
	checkEncoder(t, map[string]int64{"b": 2, "a": 1, "<": 3, "é": 4}, encodeMap(encodeInt))
	checkEncoder(t, map[string]bool(nil), encodeMap(encodeBool))
	checkEncoder(t, json.Number("12345678901234567890.5e3"), encodeNumber)
	checkEncoder(t, json.Number(""), encodeNumber)
	checkEncoder(t, json.RawMessage(` { "a" : [1, 2] } `), encodeAny)
	checkEncoder(t, json.RawMessage(nil), encodeAny)
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var w jsonWriter
		encodeFloat(bad, &w)
		_, want := json.Marshal(bad)
		if w.err == nil || want == nil || w.err.Error() != want.Error() {
			t.Errorf("encodeFloat(%v): error %v, want %v", bad, w.err, want)
		}
	}
	for _, bad := range []json.RawMessage{json.RawMessage(`{`), json.RawMessage(``), json.RawMessage(`1 2`)} {
		var w jsonWriter
		if encodeAny(bad, &w); w.err == nil {
			t.Errorf("encodeAny(%q) accepted invalid JSON", bad)
		}
	}
	var w jsonWriter
	if encodeNumber(json.Number("1x"), &w); w.err == nil {
		t.Error("encodeNumber accepted 1x")
	}
}

func checkEncoder[T any](t *testing.T, v T, enc func(T, *jsonWriter)) {
	t.Helper()
	var w jsonWriter
	enc(v, &w)
	want, err := json.Marshal(v)
	if err != nil || w.err != nil || string(w.buf) != string(want) {
		t.Errorf("%#v: wrote %s (%v), encoding/json writes %s (%v)", v, w.buf, w.err, want, err)
	}
}

// The decoders read what encoding/json reads, and reject what it rejects.
func TestDecodersMatchEncodingJSON(t *testing.T) {
	for _, text := range []string{`""`, `"plain"`, `"esc\"aped\n\u00e9\ud83d\ude00"`, `"héllo"`, "\"bad \xff\"", ` "spaced" `, `"a\/b"`} {
		got, err := decodeString([]byte(text))
		var want string
		if wantErr := json.Unmarshal([]byte(text), &want); wantErr != nil || err != nil || got != want {
			t.Errorf("decodeString(%s) = %q, %v; encoding/json: %q, %v", text, got, err, want, wantErr)
		}
	}
	for _, text := range []string{`"unterminated`, `"a"b"`, "\"ctl\x01\"", `"bad \x"`, `'single'`, `"\u12"`} {
		if _, err := decodeString([]byte(text)); err == nil {
			t.Errorf("decodeString accepted %s", text)
		}
	}
	for text, want := range map[string]int64{"0": 0, "-0": 0, "123456789012345678": 123456789012345678, "9223372036854775807": math.MaxInt64, "-9223372036854775808": math.MinInt64, "1e3": 1000, " 7 ": 7} {
		if got, err := decodeInt([]byte(text)); err != nil || got != want {
			t.Errorf("decodeInt(%s) = %d, %v", text, got, err)
		}
	}
	for _, bad := range []string{"9223372036854775808", "1.5", "01", "1x", "-", "--1", "1e", "0x10"} {
		if _, err := decodeInt([]byte(bad)); err == nil {
			t.Errorf("decodeInt accepted %s", bad)
		}
	}
	for _, bad := range []string{"1.", ".5", "1e+", "+1", "NaN"} {
		if _, err := decodeNumber([]byte(bad)); err == nil {
			t.Errorf("decodeNumber accepted %s", bad)
		}
		if _, err := decodeFloat([]byte(bad)); err == nil {
			t.Errorf("decodeFloat accepted %s", bad)
		}
	}
	dec := listOf(mapOf(decodeInt))
	if got, err := dec([]byte(` [ {"a": 1, "b" : 2} , {} ] `)); err != nil || len(got) != 2 || got[0]["b"] != 2 || len(got[1]) != 0 {
		t.Errorf("nested list of maps: %v %v", got, err)
	}
	if got, err := listOf(decodeInt)([]byte(`[]`)); err != nil || got == nil || len(got) != 0 {
		t.Errorf("an empty list decodes to an empty, non-nil slice: %#v %v", got, err)
	}
	for _, bad := range []string{`[1,]`, `[1 2]`, `[`, `[1]]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}}`, `{"a":tru}`, `{"a":[1,{"b":nul}]}`} {
		var err error
		if bad[0] == '[' {
			_, err = listOf(decodeAny)([]byte(bad))
		} else {
			_, err = mapOf(decodeAny)([]byte(bad))
		}
		var want json.RawMessage
		wantErr := json.Unmarshal([]byte(bad), &want)
		if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, want encoding/json's %v", bad, err, wantErr)
		}
	}
}

// splitObject: escaped keys are unescaped, a later duplicate wins, unknown members
// are copied (the input may be reused), and the text must be one valid object.
func TestSplitObject(t *testing.T) {
	index := func(key []byte) int {
		switch string(key) {
		case "id":
			return 0
		case "n":
			return 1
		}
		return -1
	}
	data := []byte(`{"\u0069d": "a", "n": 1, "n": 2, "x": {"y": [true]}, "z\"": null}`)
	var f [2][]byte
	extra, err := splitObject(data, f[:], index)
	if err != nil {
		t.Fatal(err)
	}
	if string(f[0]) != `"a"` || string(f[1]) != "2" || len(extra) != 2 || string(extra["x"]) != `{"y": [true]}` || string(extra[`z"`]) != "null" {
		t.Errorf("slots %q, extra %q", f, extra)
	}
	copy(data, strings.Repeat("#", len(data)))
	if string(extra["x"]) != `{"y": [true]}` {
		t.Error("ExtraFields must not alias the input")
	}
	for _, bad := range []string{`{"id":"a"} x`, `{"id":"a"`, `{"id":"a",}`, `{"id"}`, `{"id":"a" "n":1}`} {
		if _, err := splitObject([]byte(bad), f[:], index); err == nil {
			t.Errorf("splitObject accepted %s", bad)
		}
	}
	if _, err := splitObject([]byte(`[1]`), f[:], index); err == nil || err.Error() != "expected object, got array" {
		t.Errorf("a non-object: %v", err)
	}
	deep := strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1)
	if _, err := decodeAny([]byte(deep)); err == nil {
		t.Error("nesting beyond maxDepth accepted")
	}
}

// A model decoded straight from UnmarshalJSON (as a stream event is) validates the whole text.
func TestDirectUnmarshalValidates(t *testing.T) {
	var h optHolder
	for _, bad := range []string{`{"req":1,"x":[}`, `{"req":1} {}`, `{"req":1,"name":"\q"}`} {
		if err := h.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("UnmarshalJSON accepted %s", bad)
		}
	}
}

// Encoding errors name the member they are in.
func TestEncodeErrorNamesTheMember(t *testing.T) {
	h := optHolder{Req: NotNull[int64](1)}
	if _, err := json.Marshal(h); err != nil {
		t.Fatal(err)
	}
	_, err := marshalValue(unionHolder{})
	if err == nil || !strings.Contains(err.Error(), `u: union value is not set`) {
		t.Errorf("unset union: %v", err)
	}
}

type unionHolder struct{ U union }

func (h unionHolder) writeJSON(w *jsonWriter) {
	w.open()
	h.U.writeJSON(w.key(`"u":`))
	w.close()
}
