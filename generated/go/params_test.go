package chatkit

import (
	"strings"
	"testing"
)

type rgb struct {
	R int `json:"R"`
	G int `json:"G"`
	B int `json:"B"`
}

var (
	styleString = "blue"
	styleArray  = []string{"blue", "black", "brown"}
	styleObject = rgb{100, 200, 150}
)

// The "Style Examples" table of the OpenAPI specification (3.1.1 and later, which follow RFC 6570
// for label and percent-encode the space, pipe and bracket delimiters), for color = "blue",
// ["blue","black","brown"] and {"R":100,"G":200,"B":150}.
func TestStyleExamplesTable(t *testing.T) {
	for _, tc := range []struct {
		style   string
		explode bool
		value   any
		want    string
	}{
		{"matrix", false, styleString, ";color=blue"},
		{"matrix", false, styleArray, ";color=blue,black,brown"},
		{"matrix", false, styleObject, ";color=R,100,G,200,B,150"},
		{"matrix", true, styleString, ";color=blue"},
		{"matrix", true, styleArray, ";color=blue;color=black;color=brown"},
		{"matrix", true, styleObject, ";R=100;G=200;B=150"},
		{"label", false, styleString, ".blue"},
		{"label", false, styleArray, ".blue,black,brown"},
		{"label", false, styleObject, ".R,100,G,200,B,150"},
		{"label", true, styleString, ".blue"},
		{"label", true, styleArray, ".blue.black.brown"},
		{"label", true, styleObject, ".R=100.G=200.B=150"},
		{"simple", false, styleString, "blue"},
		{"simple", false, styleArray, "blue,black,brown"},
		{"simple", false, styleObject, "R,100,G,200,B,150"},
		{"simple", true, styleString, "blue"},
		{"simple", true, styleArray, "blue,black,brown"},
		{"simple", true, styleObject, "R=100,G=200,B=150"},
		{"form", false, styleString, "color=blue"},
		{"form", false, styleArray, "color=blue,black,brown"},
		{"form", false, styleObject, "color=R,100,G,200,B,150"},
		{"form", true, styleString, "color=blue"},
		{"form", true, styleArray, "color=blue&color=black&color=brown"},
		{"form", true, styleObject, "R=100&G=200&B=150"},
		{"spaceDelimited", false, styleArray, "color=blue%20black%20brown"},
		{"spaceDelimited", false, styleObject, "color=R%20100%20G%20200%20B%20150"},
		{"pipeDelimited", false, styleArray, "color=blue%7Cblack%7Cbrown"},
		{"pipeDelimited", false, styleObject, "color=R%7C100%7CG%7C200%7CB%7C150"},
		{"deepObject", true, styleObject, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"},
	} {
		st := paramStyle{style: tc.style, explode: tc.explode}
		var got string
		var err error
		switch tc.style {
		case "matrix", "label", "simple":
			got, err = pathText("color", tc.value, st)
			if tc.style == "simple" {
				h := make(map[string][]string)
				if err := setHeader(h, "Color", tc.value, st); err != nil || h["Color"][0] != tc.want {
					t.Errorf("header %s explode=%v %v: got %q %v, want %q", tc.style, tc.explode, tc.value, h["Color"], err, tc.want)
				}
			}
		default:
			var q []string
			err = addQuery(&q, "color", tc.value, st)
			got = strings.Join(q, "&")
			if tc.style == "form" {
				var c []string
				if err := addCookie(&c, "color", tc.value, st); err != nil || strings.Join(c, "&") != tc.want {
					t.Errorf("cookie explode=%v %v: got %q %v, want %q", tc.explode, tc.value, c, err, tc.want)
				}
			}
		}
		if err != nil || got != tc.want {
			t.Errorf("%s explode=%v %v: got %q %v, want %q", tc.style, tc.explode, tc.value, got, err, tc.want)
		}
	}
}

func TestParamEncoding(t *testing.T) {
	query := func(v any, st paramStyle) string {
		var q []string
		if err := addQuery(&q, "q", v, st); err != nil {
			t.Fatal(err)
		}
		return strings.Join(q, "&")
	}
	form := paramStyle{style: "form", explode: true}
	for _, tc := range []struct {
		got, want string
	}{
		{query("a b&c=d/e,f", form), "q=a%20b%26c%3Dd%2Fe%2Cf"},
		{query("a/b:c?d@e,f&g#h%41%zz+", paramStyle{style: "form", reserved: true}), "q=a/b:c?d@e,f%26g%23h%41%25zz%2B"},
		{query([]string{"a,b", "c"}, paramStyle{style: "form"}), "q=a%2Cb,c"},
		{query(int64(7), form), "q=7"},
		{query(2.5, form), "q=2.5"},
		{query(true, form), "q=true"},
		{query("", form), "q="},
		{query([]string{}, form), ""},
		{query(map[string]any{}, form), ""},
		{query(Nullable[string]{}, form), ""},
		{query(Some("x"), form), "q=x"},
		{query(map[string]any{"a": map[string]any{"b": 1, "c": []int{2, 3}}, "d": nil}, paramStyle{style: "deepObject", explode: true}), "q%5Ba%5D%5Bb%5D=1&q%5Ba%5D%5Bc%5D%5B0%5D=2&q%5Ba%5D%5Bc%5D%5B1%5D=3"},
		{query(map[string]any{"lat": 1.5}, paramStyle{style: "form", explode: true, json: true}), "q=%7B%22lat%22%3A1.5%7D"},
		{query(map[string]any{"n": []int{1}}, form), "n=%5B1%5D"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	h := make(map[string][]string)
	if err := setHeader(h, "X", "a\r\nb", paramStyle{style: "simple"}); err == nil {
		t.Error("a header with a line break was accepted")
	}
	var c []string
	if err := addCookie(&c, "s", "a;b", paramStyle{style: "form", raw: true}); err == nil {
		t.Error("a raw cookie with ';' was accepted")
	}
	if err := addCookie(&c, "s", "a;b c", paramStyle{style: "form"}); err != nil || c[0] != "s=a%3Bb%20c" {
		t.Errorf("cookie %q %v", c, err)
	}
	if got, err := pathText("id", "", paramStyle{style: "matrix"}); err != nil || got != ";id" {
		t.Errorf("empty matrix %q %v", got, err)
	}
}
