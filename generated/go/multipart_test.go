package chatkit

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestMultipartForm(t *testing.T) {
	form := newMultipartForm()
	form.add("file", File{Data: strings.NewReader("raw bytes")})
	form.add("name", "a \"quoted\"\nname")
	form.add("count", int64(3))
	form.add("ratio", 0.5)
	form.add("flag", false)
	form.add("tags", []string{"x", "y"})
	form.add("meta", map[string]any{"k": []int{1, 2}})
	form.add("rows", []map[string]int{{"a": 1}})
	form.add("none", Null[string]())
	form.add("photos", []File{{Name: "p.png", Data: strings.NewReader("png"), ContentType: "image/png"}})
	body, contentType, err := form.finish()
	if err != nil {
		t.Fatal(err)
	}
	r := &http.Request{Header: http.Header{"Content-Type": {contentType}}}
	checkParts(t, r, body, []part{
		{"file", "upload", "application/octet-stream", "raw bytes"},
		{"name", "", "", "a \"quoted\"\nname"},
		{"count", "", "", "3"},
		{"ratio", "", "", "0.5"},
		{"flag", "", "", "false"},
		{"tags", "", "", "x"},
		{"tags", "", "", "y"},
		{"meta", "", "application/json", `{"k":[1,2]}`},
		{"rows", "", "application/json", `{"a":1}`},
		{"photos", "p.png", "image/png", "png"},
	})
}

func TestMultipartFileErrors(t *testing.T) {
	for _, file := range []File{{Name: "x"}, {Name: "x", Data: failingReader{}}} {
		form := newMultipartForm()
		form.add("file", file)
		if _, _, err := form.finish(); err == nil || !strings.Contains(err.Error(), "multipart field file") {
			t.Errorf("%+v: got %v", file, err)
		}
	}
}
