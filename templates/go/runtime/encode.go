package chatkit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// jsonWriter appends JSON text to one buffer; the generated models write their
// fields into it directly. The first error sticks (and names the member it was in).
type jsonWriter struct {
	buf   []byte
	err   error
	keyAt int // where the last member key written starts in buf, -1 for none
}

// An encoder appends one value to w; the generated models compose them:
// encodeList(encodeString), encodeNullable(encodeInt), ... A model's or union's
// encoder is its writeJSON method expression (ChatSession.writeJSON).

// jsonValue is a generated model or union: it writes itself.
type jsonValue interface {
	writeJSON(w *jsonWriter)
}

// writers recycles jsonWriters and their buffers: a marshal allocates only its result.
var writers = sync.Pool{New: func() any { return &jsonWriter{buf: make([]byte, 0, 1024), keyAt: -1} }}

// marshalValue is MarshalJSON for generated models and unions.
func marshalValue[T jsonValue](v T) ([]byte, error) {
	w := writers.Get().(*jsonWriter)
	v.writeJSON(w)
	out, err := append([]byte(nil), w.buf...), w.err
	if cap(w.buf) <= 1<<16 { // an unusually large buffer is left to the collector
		w.buf, w.err, w.keyAt = w.buf[:0], nil, -1
		writers.Put(w)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (w *jsonWriter) fail(err error) {
	if w.err != nil {
		return
	}
	if w.keyAt >= 0 && w.keyAt < len(w.buf) {
		if end, _ := stringEnd(w.buf, w.keyAt); end > 0 {
			var key string
			if json.Unmarshal(w.buf[w.keyAt:end], &key) == nil {
				err = fmt.Errorf("%s: %w", key, err)
			}
		}
	}
	w.err = err
}

// open starts an object.
func (w *jsonWriter) open() { w.buf = append(w.buf, '{') }

// close ends an object.
func (w *jsonWriter) close() { w.buf = append(w.buf, '}') }

// key writes a member's key: literal is its JSON text and the colon ("\"id\":"),
// after a comma unless it is the object's first member.
func (w *jsonWriter) key(literal string) *jsonWriter {
	if n := len(w.buf); n > 0 && w.buf[n-1] != '{' {
		w.buf = append(w.buf, ',')
	}
	w.keyAt = len(w.buf)
	w.buf = append(w.buf, literal...)
	return w
}

// raw writes JSON text that is known to be valid (a constant).
func (w *jsonWriter) raw(text string) { w.buf = append(w.buf, text...) }

// extra writes the unknown fields, sorted by key, skipping keys of declared fields.
func (w *jsonWriter) extra(fields map[string]json.RawMessage, index func(key []byte) int) {
	if len(fields) == 0 {
		return
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		if index([]byte(k)) < 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if n := len(w.buf); n > 0 && w.buf[n-1] != '{' {
			w.buf = append(w.buf, ',')
		}
		encodeString(k, w)
		w.buf = append(w.buf, ':')
		var out bytes.Buffer
		if err := json.Compact(&out, fields[k]); err != nil || len(bytes.TrimSpace(fields[k])) == 0 {
			w.keyAt = -1
			w.fail(fmt.Errorf("ExtraFields[%q] is not valid JSON", k))
			return
		}
		w.buf = append(w.buf, out.Bytes()...)
	}
}

// safeASCII reports whether b is written as it is inside a JSON string (what
// encoding/json escapes, HTML characters included, is not).
var safeASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

func encodeString(s string, w *jsonWriter) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !safeASCII[c] {
			b, _ := json.Marshal(s) // escapes, invalid UTF-8: exactly as encoding/json
			w.buf = append(w.buf, b...)
			return
		}
	}
	w.buf = append(w.buf, '"')
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '"')
}

func encodeSecret(s Secret, w *jsonWriter) { encodeString(string(s), w) }

func encodeInt(n int64, w *jsonWriter) { w.buf = strconv.AppendInt(w.buf, n, 10) }

// encodeFloat writes f as encoding/json does (shortest text; exponent form only
// for very small or large magnitudes); NaN and infinities are errors.
func encodeFloat(f float64, w *jsonWriter) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64)))
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(w.buf, f, format, -1, 64)
	if format == 'e' { // e-09 -> e-9, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	w.buf = b
}

func encodeBool(b bool, w *jsonWriter) {
	if b {
		w.buf = append(w.buf, "true"...)
	} else {
		w.buf = append(w.buf, "false"...)
	}
}

// encodeNumber writes a json.Number's text (which must be a JSON number; "" is 0).
func encodeNumber(n json.Number, w *jsonWriter) {
	if n == "" {
		w.buf = append(w.buf, '0')
		return
	}
	if !validNumber([]byte(n)) {
		w.fail(fmt.Errorf("json: invalid number literal %q", string(n)))
		return
	}
	w.buf = append(w.buf, n...)
}

// encodeAny writes a JSON value held as its text (nil is null), compacted.
func encodeAny(raw json.RawMessage, w *jsonWriter) {
	if raw == nil {
		w.buf = append(w.buf, "null"...)
		return
	}
	var out bytes.Buffer
	if err := json.Compact(&out, raw); err != nil || len(bytes.TrimSpace(raw)) == 0 {
		w.fail(errors.New("not valid JSON"))
		return
	}
	w.buf = append(w.buf, out.Bytes()...)
}

func encodeEnum[E ~string](v E, w *jsonWriter) { encodeString(string(v), w) }

func encodeIntEnum[E ~int64](v E, w *jsonWriter) { encodeInt(int64(v), w) }

func encodeFloatEnum[E ~float64](v E, w *jsonWriter) { encodeFloat(float64(v), w) }

// encodeModelPtr writes a model held by pointer (recursive references); nil is null.
func encodeModelPtr[T jsonValue](v *T, w *jsonWriter) {
	if v == nil {
		w.buf = append(w.buf, "null"...)
		return
	}
	(*v).writeJSON(w)
}

// encodeList writes a list; nil is null, as encoding/json writes it.
func encodeList[T any](item func(T, *jsonWriter)) func([]T, *jsonWriter) {
	return func(v []T, w *jsonWriter) {
		if v == nil {
			w.buf = append(w.buf, "null"...)
			return
		}
		w.buf = append(w.buf, '[')
		for i, x := range v {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			item(x, w)
		}
		w.buf = append(w.buf, ']')
	}
}

// encodeMap writes a map with its keys sorted; nil is null, as encoding/json writes it.
func encodeMap[T any](item func(T, *jsonWriter)) func(map[string]T, *jsonWriter) {
	return func(v map[string]T, w *jsonWriter) {
		if v == nil {
			w.buf = append(w.buf, "null"...)
			return
		}
		var small [16]string
		keys := small[:0]
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w.buf = append(w.buf, '{')
		for i, k := range keys {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			encodeString(k, w)
			w.buf = append(w.buf, ':')
			item(v[k], w)
		}
		w.buf = append(w.buf, '}')
	}
}

// encodeNullable writes null or the value.
func encodeNullable[T any](inner func(T, *jsonWriter)) func(Nullable[T], *jsonWriter) {
	return func(v Nullable[T], w *jsonWriter) {
		if !v.valid {
			w.buf = append(w.buf, "null"...)
			return
		}
		inner(v.value, w)
	}
}
