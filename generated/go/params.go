package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// paramStyle says how a parameter is serialised: its OpenAPI style and explode,
// allowReserved, and whether it is described by content (sent as one text).
type paramStyle struct {
	style    string // matrix | label | simple | form | spaceDelimited | pipeDelimited | deepObject
	explode  bool
	reserved bool // allowReserved: a query value keeps RFC 3986 reserved characters
	json     bool // content: application/json; the value is sent as its JSON text
	raw      bool // a cookie described by content: sent as given, not percent-encoded
}

// pathParam is one path placeholder's value.
type pathParam struct {
	name  string
	value any
	style paramStyle
}

// paramValue is a parameter value as texts: undefined (null, an empty array or
// object: not sent), a scalar, an array or an object (members in their order).
type paramValue struct {
	kind  string // undefined | scalar | array | object
	text  string
	items []string
	keys  []string
	vals  []string
	raw   []byte // the JSON of an object, for deepObject
}

// newParamValue lays out v's JSON form. Scalars are their text (true/false,
// numbers as JSON writes them); nested arrays and objects their compact JSON.
func newParamValue(v any, st paramStyle) (paramValue, error) {
	switch x := v.(type) {
	case string:
		if !st.json {
			return paramValue{kind: "scalar", text: x}, nil
		}
	case int64:
		return paramValue{kind: "scalar", text: strconv.FormatInt(x, 10)}, nil
	case bool:
		return paramValue{kind: "scalar", text: strconv.FormatBool(x)}, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return paramValue{}, err
	}
	if st.json {
		return paramValue{kind: "scalar", text: string(b)}, nil
	}
	return parseParamValue(b)
}

func parseParamValue(b []byte) (paramValue, error) {
	switch jsonKind(b) {
	case "null", "nothing":
		return paramValue{kind: "undefined"}, nil
	case "array":
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			return paramValue{}, err
		}
		v := paramValue{kind: "array"}
		for _, item := range items {
			text, ok, err := memberText(item)
			if err != nil {
				return paramValue{}, err
			}
			if ok {
				v.items = append(v.items, text)
			}
		}
		if len(v.items) == 0 {
			v.kind = "undefined"
		}
		return v, nil
	case "object":
		v := paramValue{kind: "object", raw: b}
		err := objectMembers(b, func(key string, raw json.RawMessage) error {
			text, ok, err := memberText(raw)
			if ok {
				v.keys, v.vals = append(v.keys, key), append(v.vals, text)
			}
			return err
		})
		if err != nil {
			return paramValue{}, err
		}
		if len(v.keys) == 0 {
			v.kind = "undefined"
		}
		return v, nil
	}
	text, _, err := memberText(b)
	return paramValue{kind: "scalar", text: text}, err
}

// objectMembers calls fn for each member of the JSON object b, in order.
func objectMembers(b []byte, fn func(key string, raw json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if err := fn(tok.(string), raw); err != nil {
			return err
		}
	}
	return nil
}

// memberText is the text of one JSON value; ok is false for null.
func memberText(raw []byte) (string, bool, error) {
	switch jsonKind(raw) {
	case "null":
		return "", false, nil
	case "string":
		var s string
		err := json.Unmarshal(raw, &s)
		return s, true, err
	case "object", "array":
		var buf bytes.Buffer
		err := json.Compact(&buf, raw)
		return buf.String(), true, err
	}
	return string(bytes.TrimSpace(raw)), true, nil
}

// members is an object's members: "k=v" each when exploded, else k, v flattened.
func (v paramValue) members(enc func(string) string, explode bool) []string {
	out := make([]string, 0, 2*len(v.keys))
	for i, k := range v.keys {
		if explode {
			out = append(out, enc(k)+"="+enc(v.vals[i]))
		} else {
			out = append(out, enc(k), enc(v.vals[i]))
		}
	}
	return out
}

// pctEncode percent-encodes every byte outside A-Z a-z 0-9 - . _ ~ (and, for
// allowReserved, outside RFC 3986's reserved characters that a query value may keep).
func pctEncode(s string, reserved bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		case reserved && strings.IndexByte(":/?@!$'()*,;=", c) >= 0:
			b.WriteByte(c)
		case reserved && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteString(s[i : i+3])
			i += 2
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func pct(s string) string { return pctEncode(s, false) }

// pathText is the text of one path parameter (simple, label or matrix), percent-encoded.
func pathText(name string, v any, st paramStyle) (string, error) {
	pv, err := newParamValue(v, st)
	if err != nil {
		return "", fmt.Errorf("%s: path parameter %s: %w", packageName, name, err)
	}
	key := pct(name)
	var members []string
	switch pv.kind {
	case "undefined":
		return "", fmt.Errorf("%s: path parameter %s must have a value", packageName, name)
	case "scalar":
		text := pct(pv.text)
		switch st.style {
		case "label":
			return "." + text, nil
		case "matrix":
			if text == "" {
				return ";" + key, nil
			}
			return ";" + key + "=" + text, nil
		}
		return text, nil
	case "object":
		members = pv.members(pct, st.explode)
		if st.style == "matrix" && st.explode {
			return ";" + strings.Join(trimEmpty(members), ";"), nil
		}
	default:
		for _, item := range pv.items {
			members = append(members, pct(item))
		}
		if st.style == "matrix" && st.explode {
			var b strings.Builder
			for _, m := range members {
				b.WriteString(";" + key)
				if m != "" {
					b.WriteString("=" + m)
				}
			}
			return b.String(), nil
		}
	}
	switch st.style {
	case "matrix":
		return ";" + key + "=" + strings.Join(members, ","), nil
	case "label":
		if st.explode {
			return "." + strings.Join(members, "."), nil
		}
		return "." + strings.Join(members, ","), nil
	}
	return strings.Join(members, ","), nil
}

func trimEmpty(members []string) []string {
	out := make([]string, len(members))
	for i, m := range members {
		out[i] = strings.TrimSuffix(m, "=")
	}
	return out
}

// expandPath fills the {name} placeholders of template. A value that would fill
// one with "", "." or ".." is rejected: it would change which resource the path names.
func expandPath(template string, params ...pathParam) (string, error) {
	for _, p := range params {
		text, err := pathText(p.name, p.value, p.style)
		if err != nil {
			return "", err
		}
		if text == "" || text == "." || text == ".." {
			return "", fmt.Errorf("%s: path parameter %s must not be %q", packageName, p.name, text)
		}
		template = strings.ReplaceAll(template, "{"+p.name+"}", text)
	}
	return template, nil
}

var queryJoin = map[string]string{"form": ",", "spaceDelimited": "%20", "pipeDelimited": "%7C", "deepObject": ","}

// addQuery appends query parameter name to q as encoded key=value pieces (joined by &).
func addQuery(q *[]string, name string, v any, st paramStyle) error {
	pv, err := newParamValue(v, st)
	if err != nil {
		return fmt.Errorf("%s: query parameter %s: %w", packageName, name, err)
	}
	enc := func(s string) string { return pctEncode(s, st.reserved) }
	key := pct(name)
	switch {
	case pv.kind == "undefined":
	case pv.kind == "scalar":
		*q = append(*q, key+"="+enc(pv.text))
	case pv.kind == "object" && st.style == "deepObject":
		return deepObject(q, key, pv.raw, enc)
	case pv.kind == "object" && st.explode:
		*q = append(*q, pv.members(enc, true)...)
	case pv.kind == "object":
		*q = append(*q, key+"="+strings.Join(pv.members(enc, false), queryJoin[st.style]))
	case st.explode || st.style == "deepObject":
		for _, item := range pv.items {
			*q = append(*q, key+"="+enc(item))
		}
	default:
		texts := make([]string, len(pv.items))
		for i, item := range pv.items {
			texts[i] = enc(item)
		}
		*q = append(*q, key+"="+strings.Join(texts, queryJoin[st.style]))
	}
	return nil
}

// deepObject adds name[key]=value pieces; nested objects add [key], nested arrays [index].
func deepObject(q *[]string, prefix string, raw []byte, enc func(string) string) error {
	switch jsonKind(raw) {
	case "object":
		return objectMembers(raw, func(key string, item json.RawMessage) error {
			return deepObject(q, prefix+"%5B"+enc(key)+"%5D", item, enc)
		})
	case "array":
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return err
		}
		for i, item := range items {
			if err := deepObject(q, prefix+"%5B"+strconv.Itoa(i)+"%5D", item, enc); err != nil {
				return err
			}
		}
		return nil
	}
	text, ok, err := memberText(raw)
	if ok {
		*q = append(*q, prefix+"="+enc(text))
	}
	return err
}

// setHeader sets header parameter name (simple style; not percent-encoded).
func setHeader(h http.Header, name string, v any, st paramStyle) error {
	pv, err := newParamValue(v, st)
	if err != nil {
		return fmt.Errorf("%s: header parameter %s: %w", packageName, name, err)
	}
	var text string
	switch pv.kind {
	case "undefined":
		return nil
	case "scalar":
		text = pv.text
	case "object":
		text = strings.Join(pv.members(func(s string) string { return s }, st.explode), ",")
	default:
		text = strings.Join(pv.items, ",")
	}
	if strings.ContainsAny(text, "\r\n\x00") {
		return fmt.Errorf("%s: header parameter %s must not contain line breaks or NUL", packageName, name)
	}
	h.Set(name, text)
	return nil
}

// addCookie appends cookie parameter name as name=value pieces (form style; joined by "; ").
func addCookie(c *[]string, name string, v any, st paramStyle) error {
	pv, err := newParamValue(v, st)
	if err != nil {
		return fmt.Errorf("%s: cookie parameter %s: %w", packageName, name, err)
	}
	var bad bool
	enc := pct
	if st.raw {
		enc = func(s string) string {
			bad = bad || strings.ContainsAny(s, ";\r\n\x00")
			return s
		}
	}
	key := pct(name)
	var pieces []string
	switch {
	case pv.kind == "undefined":
	case pv.kind == "scalar":
		pieces = []string{key + "=" + enc(pv.text)}
	case pv.kind == "object" && st.explode:
		pieces = pv.members(enc, true)
	case pv.kind == "object":
		pieces = []string{key + "=" + strings.Join(pv.members(enc, false), ",")}
	case st.explode:
		for _, item := range pv.items {
			pieces = append(pieces, key+"="+enc(item))
		}
	default:
		texts := make([]string, len(pv.items))
		for i, item := range pv.items {
			texts[i] = enc(item)
		}
		pieces = []string{key + "=" + strings.Join(texts, ",")}
	}
	if bad {
		return fmt.Errorf("%s: cookie parameter %s must not contain ';', line breaks or NUL", packageName, name)
	}
	*c = append(*c, pieces...)
	return nil
}

// paramText is the text of a scalar value: strings as they are, others as their JSON text.
func paramText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	text, _, err := memberText(b)
	return text, err
}

func (r *request) addQuery(name string, v any, st paramStyle) error {
	return addQuery(&r.query, name, v, st)
}

func (r *request) setHeader(name string, v any, st paramStyle) error {
	return setHeader(r.header, name, v, st)
}

func (r *request) addCookie(name string, v any, st paramStyle) error {
	return addCookie(&r.cookies, name, v, st)
}
