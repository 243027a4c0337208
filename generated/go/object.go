package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// decodeObject splits a JSON object into its members (raw values).
func decodeObject(raw []byte) (map[string]json.RawMessage, error) {
	if jsonKind(raw) != "object" {
		return nil, expected("object", raw)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, &ValidationError{Message: err.Error()}
	}
	return fields, nil
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// required decodes the member key into dst; a missing member is an error.
func required[T any](fields map[string]json.RawMessage, key string, dst *T, dec func([]byte) (T, error)) error {
	raw, ok := fields[key]
	if !ok {
		return &ValidationError{Path: key, Message: "is required"}
	}
	v, err := dec(raw)
	if err != nil {
		return at(err, key)
	}
	*dst = v
	return nil
}

// optional decodes the member key into dst when present; absent leaves dst unset.
func optional[T any](fields map[string]json.RawMessage, key string, dst *Opt[T], dec func([]byte) (T, error)) error {
	raw, ok := fields[key]
	if !ok {
		return nil
	}
	v, err := dec(raw)
	if err != nil {
		return at(err, key)
	}
	dst.Set(v)
	return nil
}

// extraFields returns the members whose keys are not known, or nil.
func extraFields(fields map[string]json.RawMessage, known func(string) bool) map[string]json.RawMessage {
	var extra map[string]json.RawMessage
	for k, v := range fields {
		if known(k) {
			continue
		}
		if extra == nil {
			extra = make(map[string]json.RawMessage)
		}
		extra[k] = v
	}
	return extra
}

// checkExtra validates each undeclared member with dec (typed additionalProperties), in key order.
func checkExtra[T any](extra map[string]json.RawMessage, dec func([]byte) (T, error)) error {
	for _, k := range sortedKeys(extra) {
		if _, err := dec(extra[k]); err != nil {
			return at(err, k)
		}
	}
	return nil
}

// objectWriter writes a JSON object member by member.
type objectWriter struct {
	buf bytes.Buffer
	err error
	n   int
}

func writeField[T any](w *objectWriter, key string, v T) {
	if w.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		w.err = fmt.Errorf("%s: %w", key, err)
		return
	}
	w.member(key, b)
}

func writeRaw(w *objectWriter, key, literal string) {
	w.member(key, []byte(literal))
}

func (w *objectWriter) member(key string, value []byte) {
	if w.n == 0 {
		w.buf.WriteByte('{')
	} else {
		w.buf.WriteByte(',')
	}
	w.n++
	k, _ := json.Marshal(key)
	w.buf.Write(k)
	w.buf.WriteByte(':')
	w.buf.Write(value)
}

// extra writes the unknown fields (sorted by key), skipping keys known(k).
func (w *objectWriter) extra(fields map[string]json.RawMessage, known func(string) bool) {
	for _, k := range sortedKeys(fields) {
		if known(k) || w.err != nil {
			continue
		}
		v := fields[k]
		if !json.Valid(v) {
			w.err = fmt.Errorf("ExtraFields[%q] is not valid JSON", k)
			return
		}
		w.member(k, bytes.TrimSpace(v))
	}
}

func (w *objectWriter) finish() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	if w.n == 0 {
		return []byte("{}"), nil
	}
	w.buf.WriteByte('}')
	return w.buf.Bytes(), nil
}

// jsonEqual compares two JSON texts as values: key order is ignored; numbers
// compare by value (integers exactly).
func jsonEqual(a, b []byte) bool {
	va, errA := parseJSON(a)
	vb, errB := parseJSON(b)
	return errA == nil && errB == nil && sameJSON(va, vb)
}

func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func sameJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		xi, errX := strconv.ParseInt(string(x), 10, 64)
		yi, errY := strconv.ParseInt(string(y), 10, 64)
		if errX == nil && errY == nil {
			return xi == yi
		}
		xf, errX := strconv.ParseFloat(string(x), 64)
		yf, errY := strconv.ParseFloat(string(y), 64)
		return errX == nil && errY == nil && xf == yf
	default:
		return a == b
	}
}
