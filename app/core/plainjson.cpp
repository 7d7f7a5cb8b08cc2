#include "plainjson.h"

#include <charconv>

namespace tether::plainjson {

namespace {

class Parser
{
public:
    Parser(std::string_view text, int maxDepth) : m_text(text), m_maxDepth(maxDepth) { }

    std::optional<Value> document()
    {
        Value value;
        skipSpace();
        if (peek() != '{' && peek() != '[') // a document, as QJsonDocument reads one
            return std::nullopt;
        if (!parseValue(value, 0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_text.size())
            return std::nullopt;
        return value;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    bool parseValue(Value &value, int depth)
    {
        if (depth > m_maxDepth)
            return false;
        skipSpace();
        switch (peek()) {
        case '{':
            return parseObject(value, depth);
        case '[':
            return parseArray(value, depth);
        case '"':
            value.type = Value::Type::String;
            return parseString(value.text);
        case 't':
            value.type = Value::Type::Bool;
            value.boolean = true;
            return literal("true");
        case 'f':
            value.type = Value::Type::Bool;
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return parseNumber(value);
        }
    }

    bool parseObject(Value &value, int depth)
    {
        value.type = Value::Type::Object;
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            std::string key;
            if (peek() != '"' || !parseString(key))
                return false;
            skipSpace();
            if (peek() != ':')
                return false;
            ++m_pos;
            Value member;
            if (!parseValue(member, depth + 1))
                return false;
            value.members.emplace_back(std::move(key), std::move(member));
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() != '}')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool parseArray(Value &value, int depth)
    {
        value.type = Value::Type::Array;
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            value.items.push_back(std::move(item));
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() != ']')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool hex4(std::uint32_t *code)
    {
        if (m_text.size() - m_pos < 4)
            return false;
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= std::uint32_t(c - 'A' + 10);
            else
                return false;
        }
        *code = value;
        return true;
    }

    static void appendUtf8(std::string &out, std::uint32_t code)
    {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    bool escape(std::string &out)
    {
        const char c = peek();
        ++m_pos;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += c;
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u': {
            std::uint32_t code = 0;
            if (!hex4(&code))
                return false;
            if (code >= 0xD800 && code <= 0xDBFF) { // a high surrogate wants its low one
                std::uint32_t low = 0;
                if (!literal("\\u") || !hex4(&low) || low < 0xDC00 || low > 0xDFFF)
                    return false;
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else if (code >= 0xDC00 && code <= 0xDFFF) {
                return false;
            }
            appendUtf8(out, code);
            return true;
        }
        default:
            return false;
        }
    }

    // One UTF-8 sequence at m_pos (RFC 3629: no overlong forms, no surrogates, nothing beyond
    // U+10FFFF), as QJsonDocument checks it; false for anything else.
    bool utf8Sequence()
    {
        const auto byte = [this](std::size_t i) {
            return m_pos + i < m_text.size() ? static_cast<unsigned char>(m_text[m_pos + i]) : 0u;
        };
        const unsigned lead = byte(0);
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            code = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            code = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            code = lead & 0x07;
        } else {
            return false;
        }
        for (std::size_t i = 1; i < length; ++i) {
            if ((byte(i) & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (byte(i) & 0x3F);
        }
        static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        m_pos += length;
        return true;
    }

    bool parseString(std::string &out)
    {
        ++m_pos; // '"'
        for (;;) {
            const std::size_t start = m_pos;
            while (!atEnd() && m_text[m_pos] != '"' && m_text[m_pos] != '\\') {
                const auto c = static_cast<unsigned char>(m_text[m_pos]);
                if (c < 0x20)
                    break; // a raw control character: refused below
                if (c < 0x80)
                    ++m_pos;
                else if (!utf8Sequence())
                    return false;
            }
            out.append(m_text.substr(start, m_pos - start));
            if (atEnd())
                return false;
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\' || !escape(out)) // a raw control character, or a bad escape
                return false;
        }
    }

    bool digits()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        return m_pos > start;
    }

    bool parseNumber(Value &value)
    {
        const std::size_t start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0')
            ++m_pos;
        else if (!digits())
            return false;
        if (peek() == '.') {
            ++m_pos;
            if (!digits())
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!digits())
                return false;
        }
        value.type = Value::Type::Number;
        value.text = std::string(m_text.substr(start, m_pos - start));
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_maxDepth;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

bool number(std::string_view text, std::size_t pos, std::size_t length, unsigned *out)
{
    if (pos + length > text.size())
        return false;
    unsigned value = 0;
    for (std::size_t i = pos; i < pos + length; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + unsigned(text[i] - '0');
    }
    *out = value;
    return true;
}

} // namespace

const Value *Value::member(std::string_view key) const
{
    if (type != Type::Object)
        return nullptr;
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    return nullptr;
}

std::optional<std::int64_t> Value::integer() const
{
    if (type != Type::Number || text.find_first_of(".eE") != std::string::npos)
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<Value> parse(std::string_view text, int maxDepth)
{
    return Parser(text, maxDepth).document();
}

std::optional<std::int64_t> isoInstantMs(std::string_view text)
{
    // yyyy-MM-ddTHH:mm:ss[.zzz](Z|±HH:mm)
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    if (text.size() < 20 || !number(text, 0, 4, &year) || text[4] != '-'
        || !number(text, 5, 2, &month) || text[7] != '-' || !number(text, 8, 2, &day)
        || text[10] != 'T' || !number(text, 11, 2, &hour) || text[13] != ':'
        || !number(text, 14, 2, &minute) || text[16] != ':' || !number(text, 17, 2, &second))
        return std::nullopt;
    std::size_t pos = 19;
    if (text[pos] == '.') {
        if (!number(text, pos + 1, 3, &millis))
            return std::nullopt;
        pos += 4;
    }
    std::int64_t offsetMinutes = 0;
    if (pos < text.size() && text[pos] == 'Z' && pos + 1 == text.size()) {
        // UTC
    } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-')
               && text[pos + 3] == ':') {
        unsigned oh = 0, om = 0;
        if (!number(text, pos + 1, 2, &oh) || !number(text, pos + 4, 2, &om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = (text[pos] == '+' ? 1 : -1) * std::int64_t(oh * 60 + om);
    } else {
        return std::nullopt;
    }
    static constexpr unsigned kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > kDaysIn[month - 1]
        || (month == 2 && day == 29 && !leap) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const std::int64_t seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60
                                 + second - offsetMinutes * 60;
    return seconds * 1000 + millis;
}

} // namespace tether::plainjson
