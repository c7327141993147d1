/// libyaml's fixed English sentences (the problems and contexts of its reader, scanner and parser,
/// from libyaml 0.2.5's sources) in Vietnamese, so that a YAML syntax error reads in the report's
/// language; a sentence not in the table is quoted as libyaml's (`libyamlUntranslated`).
public enum LibYAMLPhrases {
    /// `text` in `language`: as libyaml wrote it in English.
    public static func text(_ text: String, in language: Language) -> String {
        switch language {
        case .en: text
        case .vi: vietnamese[text] ?? MessageCatalogue.render(.libyamlUntranslated, ["text": text], in: .vi)
        }
    }

    /// libyaml's sentence → its Vietnamese.
    public static let vietnamese: [String: String] = [
        // The reader (bytes and characters).
        "invalid leading UTF-8 octet": "byte đầu của một ký tự UTF-8 không hợp lệ",
        "incomplete UTF-8 octet sequence": "ký tự UTF-8 bị thiếu byte",
        "invalid trailing UTF-8 octet": "byte tiếp theo của một ký tự UTF-8 không hợp lệ",
        "invalid length of a UTF-8 sequence": "độ dài của một ký tự UTF-8 không hợp lệ",
        "invalid Unicode character": "ký tự Unicode không hợp lệ",
        "control characters are not allowed": "không được dùng ký tự điều khiển",
        "input is too long": "dữ liệu vào quá dài",
        "incomplete UTF-16 character": "ký tự UTF-16 bị thiếu byte",
        "incomplete UTF-16 surrogate pair": "cặp thay thế (surrogate) UTF-16 không đầy đủ",
        "unexpected low surrogate area": "nửa sau của cặp thay thế (surrogate) UTF-16 đứng không đúng chỗ",
        // The scanner.
        "did not find expected <stream-start>": "không tìm thấy phần mở đầu luồng cần có",
        "found unexpected end of stream": "tệp kết thúc đột ngột",
        "found character that cannot start any token": "gặp ký tự không thể bắt đầu bất kỳ thành phần cú pháp nào",
        "could not find expected ':'": "không tìm thấy dấu ':' cần có",
        "mapping keys are not allowed in this context": "không được đặt khóa ánh xạ ở vị trí này",
        "mapping values are not allowed in this context": "không được đặt giá trị ánh xạ (sau dấu ':') ở vị trí này",
        "block sequence entries are not allowed in this context":
            "không được đặt phần tử danh sách dạng khối ('- ') ở vị trí này",
        "found a tab character that violates indentation": "gặp ký tự tab làm sai thụt lề",
        "found a tab character where an indentation space is expected":
            "gặp ký tự tab ở chỗ cần dấu cách để thụt lề",
        "did not find expected comment or line break": "không tìm thấy chú thích hoặc dấu xuống dòng cần có",
        "could not find expected directive name": "không tìm thấy tên chỉ thị cần có",
        "found unexpected non-alphabetical character": "gặp ký tự không phải chữ cái ở chỗ không được phép",
        "found unknown directive name": "tên chỉ thị không xác định",
        "did not find expected whitespace": "không tìm thấy khoảng trắng cần có",
        "did not find expected whitespace or line break": "không tìm thấy khoảng trắng hoặc dấu xuống dòng cần có",
        "did not find expected digit or '.' character": "không tìm thấy chữ số hoặc dấu '.' cần có",
        "found extremely long version number": "số phiên bản quá dài",
        "did not find expected version number": "không tìm thấy số phiên bản cần có",
        "did not find expected alphabetic or numeric character": "không tìm thấy chữ cái hoặc chữ số cần có",
        "did not find the expected '>'": "không tìm thấy dấu '>' cần có",
        "did not find expected tag URI": "không tìm thấy URI của thẻ (tag) cần có",
        "did not find expected '!'": "không tìm thấy dấu '!' cần có",
        "did not find URI escaped octet": "không tìm thấy byte mã hóa URI (%XX) cần có",
        "found an incorrect leading UTF-8 octet": "byte đầu của một ký tự UTF-8 không đúng",
        "found an incorrect trailing UTF-8 octet": "byte tiếp theo của một ký tự UTF-8 không đúng",
        "found an indentation indicator equal to 0": "chỉ báo thụt lề bằng 0",
        "found unexpected document indicator": "gặp dấu hiệu tài liệu (--- hoặc ...) không đúng chỗ",
        "found unknown escape character": "ký tự thoát không xác định",
        "did not find expected hexdecimal number": "không tìm thấy số thập lục phân cần có",
        "found invalid Unicode character escape code": "mã thoát ký tự Unicode không hợp lệ",
        "found unexpected ':'": "gặp dấu ':' không đúng chỗ",
        // The parser.
        "did not find expected <document start>": "không tìm thấy phần mở đầu tài liệu (---) cần có",
        "did not find expected node content": "không tìm thấy nội dung cần có của nút",
        "did not find expected key": "không tìm thấy khóa cần có",
        "did not find expected '-' indicator": "không tìm thấy dấu '-' cần có",
        "did not find expected ',' or ']'": "không tìm thấy dấu ',' hoặc ']' cần có",
        "did not find expected ',' or '}'": "không tìm thấy dấu ',' hoặc '}' cần có",
        "found duplicate %YAML directive": "chỉ thị %YAML bị lặp",
        "found incompatible YAML document": "tài liệu YAML thuộc phiên bản không tương thích",
        "found duplicate %TAG directive": "chỉ thị %TAG bị lặp",
        "found undefined tag handle": "gặp tiền tố thẻ (tag handle) chưa được khai báo",
        // The contexts: what libyaml was reading when it stopped.
        "while scanning a simple key": "khi đọc một khóa",
        "while scanning a directive": "khi đọc một chỉ thị",
        "while scanning a %YAML directive": "khi đọc chỉ thị %YAML",
        "while scanning a %TAG directive": "khi đọc chỉ thị %TAG",
        "while scanning a tag directive": "khi đọc chỉ thị %TAG",
        "while scanning an anchor": "khi đọc một neo (anchor)",
        "while scanning an alias": "khi đọc một bí danh (alias)",
        "while scanning a tag": "khi đọc một thẻ (tag)",
        "while scanning a block scalar": "khi đọc một giá trị dạng khối (| hoặc >)",
        "while scanning a quoted scalar": "khi đọc một giá trị trong dấu nháy",
        "while scanning a plain scalar": "khi đọc một giá trị không đặt trong dấu nháy",
        "while scanning for the next token": "khi tìm thành phần cú pháp tiếp theo",
        "while parsing a %TAG directive": "khi đọc chỉ thị %TAG",
        "while parsing a tag directive": "khi đọc chỉ thị %TAG",
        "while parsing a node": "khi đọc một nút",
        "while parsing a block node": "khi đọc một nút dạng khối",
        "while parsing a flow node": "khi đọc một nút trong ngoặc",
        "while parsing a block collection": "khi đọc một danh sách dạng khối",
        "while parsing a block mapping": "khi đọc một ánh xạ dạng khối",
        "while parsing a flow sequence": "khi đọc một danh sách trong ngoặc vuông […]",
        "while parsing a flow mapping": "khi đọc một ánh xạ trong ngoặc nhọn {…}",
        "while parsing a tag": "khi đọc một thẻ (tag)",
        "while parsing a quoted scalar": "khi đọc một giá trị trong dấu nháy",
    ]
}
