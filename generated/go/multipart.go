package chatkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// File is a file sent in a multipart/form-data request. Data is read once, when
// the request is built, so a retried request sends the same bytes.
type File struct {
	// Name is the part's filename (default "upload").
	Name string
	// Data is the file's content.
	Data io.Reader
	// ContentType is the part's media type (default "application/octet-stream").
	ContentType string
}

// multipartForm builds a multipart/form-data body in memory.
type multipartForm struct {
	buf bytes.Buffer
	w   *multipart.Writer
	err error
}

func newMultipartForm() *multipartForm {
	f := &multipartForm{}
	f.w = multipart.NewWriter(&f.buf)
	return f
}

var partQuoter = strings.NewReplacer("\\", "\\\\", `"`, "%22", "\r", "%0D", "\n", "%0A")

func (f *multipartForm) part(name, filename, contentType string, data []byte) {
	if f.err != nil {
		return
	}
	h := textproto.MIMEHeader{}
	disposition := `form-data; name="` + partQuoter.Replace(name) + `"`
	if filename != "" {
		disposition += `; filename="` + partQuoter.Replace(filename) + `"`
	}
	h.Set("Content-Disposition", disposition)
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	w, err := f.w.CreatePart(h)
	if err == nil {
		_, err = w.Write(data)
	}
	f.err = err
}

func (f *multipartForm) file(name string, file File) {
	if f.err != nil {
		return
	}
	if file.Data == nil {
		f.err = fmt.Errorf("%s: multipart field %s: File.Data is nil", packageName, name)
		return
	}
	data, err := io.ReadAll(file.Data)
	if err != nil {
		f.err = fmt.Errorf("%s: multipart field %s: reading the file: %w", packageName, name, err)
		return
	}
	filename, contentType := file.Name, file.ContentType
	if filename == "" {
		filename = "upload"
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	f.part(name, filename, contentType, data)
}

// add adds one field: files as file parts, scalars as text parts, lists as one
// part per item, objects as JSON parts.
func (f *multipartForm) add(name string, v any) {
	switch x := v.(type) {
	case File:
		f.file(name, x)
		return
	case []File:
		for _, file := range x {
			f.file(name, file)
		}
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		f.err = fmt.Errorf("%s: multipart field %s: %w", packageName, name, err)
		return
	}
	f.addJSON(name, b, true)
}

func (f *multipartForm) addJSON(name string, b []byte, top bool) {
	switch jsonKind(b) {
	case "null":
	case "object":
		f.part(name, "", "application/json", b)
	case "array":
		if !top {
			f.part(name, "", "application/json", b)
			return
		}
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			f.err = err
			return
		}
		for _, item := range items {
			f.addJSON(name, item, false)
		}
	default:
		text, err := paramText(json.RawMessage(b))
		if err != nil {
			f.err = err
			return
		}
		f.part(name, "", "", []byte(text))
	}
}

// finish returns the body and its Content-Type (naming the boundary).
func (f *multipartForm) finish() ([]byte, string, error) {
	if f.err != nil {
		return nil, "", f.err
	}
	if err := f.w.Close(); err != nil {
		return nil, "", err
	}
	return f.buf.Bytes(), f.w.FormDataContentType(), nil
}
