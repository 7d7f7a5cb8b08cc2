#include "core/plainjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace tether;

// The executable's JSON and ISO 8601 reader without Qt (core/plainjson.h), held against Qt's:
// what it reads, QJsonDocument reads the same; it refuses what RFC 8259 refuses, a few of which
// Qt takes; and its instants are QDateTime's.
class TestPlainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_agreesWithQt_data();
    void parse_agreesWithQt();
    void parse_keepsWhatTheRegistryHolds();
    void integer_onlyForWholeNumbersThatFit();
    void instant_isQtsReading_data();
    void instant_isQtsReading();
    void instant_randomInstantsAsQtWritesThem();
};

namespace {

// The plain value as a QJsonValue, to compare with QJsonDocument's reading.
QJsonValue toQt(const plainjson::Value &value)
{
    switch (value.type) {
    case plainjson::Value::Type::Null:
        return QJsonValue::Null;
    case plainjson::Value::Type::Bool:
        return value.boolean;
    case plainjson::Value::Type::Number:
        return QByteArray::fromStdString(value.text).toDouble();
    case plainjson::Value::Type::String:
        return QString::fromStdString(value.text);
    case plainjson::Value::Type::Array: {
        QJsonArray array;
        for (const plainjson::Value &item : value.items)
            array.append(toQt(item));
        return array;
    }
    case plainjson::Value::Type::Object: {
        QJsonObject object;
        for (const auto &[key, member] : value.members)
            object.insert(QString::fromStdString(key), toQt(member));
        return object;
    }
    }
    return {};
}

} // namespace

void TestPlainJson::parse_agreesWithQt_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid"); // by RFC 8259; Qt takes a few invalid ones too
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": [true, false, null], "c": "x"})")
                            << true;
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": {"c": [[], {}, [1.5e3, -0.25]]}}})")
                            << true;
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC"])") << true;
    QTest::newRow("surrogate pair") << QByteArray(R"(["\ud83d\ude00 ok"])") << true;
    QTest::newRow("raw utf-8") << QByteArray("[\"Gr\xc3\xbc\xc3\x9f\x65\"]") << true;
    QTest::newRow("raw utf-8, four bytes") << QByteArray("[\"\xf0\x9f\x98\x80\"]") << true;
    QTest::newRow("not utf-8") << QByteArray("[\"acces\x8a\xa0\"]") << false;
    QTest::newRow("overlong utf-8") << QByteArray("[\"\xc0\xaf\"]") << false;
    QTest::newRow("surrogate in utf-8") << QByteArray("[\"\xed\xa0\x80\"]") << false;
    QTest::newRow("cut utf-8") << QByteArray("[\"\xe2\x82\"]") << false;
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n") << true;
    QTest::newRow("repeated key, last wins") << QByteArray(R"({"a": 1, "a": 2})") << true;
    QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << false;
    QTest::newRow("unquoted key") << QByteArray(R"({a: 1})") << false;
    QTest::newRow("two values") << QByteArray(R"({} {})") << false;
    QTest::newRow("cut short") << QByteArray(R"({"a": [1, 2)") << false;
    QTest::newRow("raw control character") << QByteArray("[\"a\x01\"]") << false;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << false;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])") << false;
    QTest::newRow("leading zero") << QByteArray(R"([01])") << false;
    QTest::newRow("bare minus") << QByteArray(R"([-])") << false;
    QTest::newRow("fraction without digits") << QByteArray(R"([1.])") << false;
    QTest::newRow("misspelt literal") << QByteArray(R"([nul])") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("a string alone") << QByteArray(R"("f{")") << false; // a document is {} or []
    QTest::newRow("a number alone") << QByteArray("1") << false;
}

void TestPlainJson::parse_agreesWithQt()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QJsonParseError error;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &error);
    const auto plain = plainjson::parse(json.toStdString());
    QCOMPARE(plain.has_value(), valid);
    if (!plain)
        return;
    QCOMPARE(error.error, QJsonParseError::NoError); // what it reads, Qt reads the same
    const QJsonValue mine = toQt(*plain);
    QCOMPARE(mine, qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array()));
}

void TestPlainJson::parse_keepsWhatTheRegistryHolds()
{
    // Lone surrogates and nesting beyond the limit are refused (QJsonDocument substitutes or
    // allows them); a registry Tether wrote never holds either.
    QVERIFY(!plainjson::parse(R"(["\udc00"])"));
    QVERIFY(!plainjson::parse(R"(["\ud83d x"])"));
    QVERIFY(plainjson::parse(std::string(64, '[') + std::string(64, ']')));
    QVERIFY(!plainjson::parse(std::string(66, '[') + std::string(66, ']')));
    const auto doc = plainjson::parse(R"({"accounts": [{"id": "a"}, {"id": "b", "n": 7}]})");
    QVERIFY(doc);
    const plainjson::Value *accounts = doc->member("accounts");
    QVERIFY(accounts);
    QCOMPARE(accounts->items.size(), size_t(2));
    QCOMPARE(accounts->items[1].member("n")->integer(), std::optional<std::int64_t>(7));
    QVERIFY(!accounts->member("id")); // not an object
    QVERIFY(!doc->member("missing"));
}

void TestPlainJson::integer_onlyForWholeNumbersThatFit()
{
    auto integer = [](const char *json) {
        const auto doc = plainjson::parse(json);
        return doc ? doc->items.at(0).integer() : std::nullopt;
    };
    QCOMPARE(integer("[42]"), std::optional<std::int64_t>(42));
    QCOMPARE(integer("[-7]"), std::optional<std::int64_t>(-7));
    QCOMPARE(integer("[9223372036854775807]"),
             std::optional<std::int64_t>(std::numeric_limits<std::int64_t>::max()));
    QCOMPARE(integer("[9223372036854775808]"), std::nullopt);
    QCOMPARE(integer("[1.0]"), std::nullopt);
    QCOMPARE(integer("[1e3]"), std::nullopt);
    QCOMPARE(integer("[\"1\"]"), std::nullopt);
}

void TestPlainJson::instant_isQtsReading_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid"); // as Qt::ISODateWithMs writes, with a zone
    QTest::newRow("utc with milliseconds") << "2026-12-07T02:30:14.123Z" << true;
    QTest::newRow("utc") << "2026-12-07T02:30:14Z" << true;
    QTest::newRow("offset") << "2026-12-07T02:30:14.500+02:00" << true;
    QTest::newRow("negative offset") << "2026-12-07T02:30:14-05:30" << true;
    QTest::newRow("leap day") << "2028-02-29T23:59:59.999Z" << true;
    QTest::newRow("before 1970") << "1969-12-31T23:59:59.001Z" << true;
    QTest::newRow("no leap day") << "2027-02-29T00:00:00Z" << false;
    QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << false;
    QTest::newRow("hour 24") << "2026-12-07T24:00:00Z" << false;
    QTest::newRow("no zone") << "2026-12-07T02:30:14" << false;
    QTest::newRow("date only") << "2026-12-07" << false;
    QTest::newRow("garbage after") << "2026-12-07T02:30:14Zx" << false;
    QTest::newRow("empty") << "" << false;
}

void TestPlainJson::instant_isQtsReading()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    const auto plain = plainjson::isoInstantMs(text.toStdString());
    // Refused, the instant leaves the token to the command module: Qt's local time for a time
    // without a zone, or its 24:00 (Tether writes neither).
    QCOMPARE(plain.has_value(), valid);
    if (plain)
        QCOMPARE(*plain, qt.toMSecsSinceEpoch());
}

void TestPlainJson::instant_randomInstantsAsQtWritesThem()
{
    QRandomGenerator random(20261207); // fixed: a failure is the same on every run
    for (int i = 0; i < 5000; ++i) {
        const qint64 ms = random.bounded(qint64(-62135596800000), qint64(253402300799999));
        const QString text =
                QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
        const auto plain = plainjson::isoInstantMs(text.toStdString());
        QVERIFY2(plain && *plain == ms, qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestPlainJson)
#include "tst_plainjson.moc"
