#include <core/io/csvreader.h>
#include <core/io/csvwriter.h>

#include <QBuffer>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

namespace {

struct Parsed
{
    QList<CsvRecord> records;
    bool error = false;
    qint64 errorLine = 0;
    QString message;
};

Parsed parse(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    Parsed parsed;
    CsvRecord record;
    while (reader.readRecord(record)) {
        parsed.records << record;
    }
    parsed.error = reader.hasError();
    if (parsed.error) {
        parsed.errorLine = reader.errorLine();
        parsed.message = reader.error().message;
    }
    return parsed;
}

} // namespace

TEST(CsvReader, quotedFields_keepCommasQuotesAndSpaces)
{
    const Parsed p = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\", padded \n");
    ASSERT_FALSE(p.error) << p.message.toStdString();
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.records[1].fields,
              (QStringList{QStringLiteral("x, y"),
                           QStringLiteral("say \"hi\""),
                           QStringLiteral(" padded ")}));
}

TEST(CsvReader, embeddedNewlines_recordsCarryTheLineTheyStartOn)
{
    const Parsed p = parse("h1,h2\n\"two\nlines\",x\nnext,y\n\n\"three\r\n\r\nlines\",z\nlast,w");
    ASSERT_FALSE(p.error) << p.message.toStdString();
    ASSERT_EQ(p.records.size(), 5);
    EXPECT_EQ(p.records[0].line, 1);
    EXPECT_EQ(p.records[1].line, 2);
    EXPECT_EQ(p.records[1].fields.first(), QStringLiteral("two\nlines"));
    EXPECT_EQ(p.records[2].line, 4);
    EXPECT_EQ(p.records[3].line, 6); // line 5 is blank
    EXPECT_EQ(p.records[3].fields.first(), QStringLiteral("three\r\n\r\nlines"));
    EXPECT_EQ(p.records[4].line, 9);
    EXPECT_EQ(p.records[4].fields, (QStringList{QStringLiteral("last"), QStringLiteral("w")}));
}

TEST(CsvReader, crlfLineEnds_areNotPartOfTheLastField)
{
    const Parsed p = parse("a,b\r\n1,2\r\n");
    ASSERT_FALSE(p.error);
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.records[1].fields, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    EXPECT_EQ(p.records[1].line, 2);
}

TEST(CsvReader, utf8Bom_isStripped)
{
    const Parsed p = parse("\xEF\xBB\xBFHandle,Title\nh,Caf\xC3\xA9\n");
    ASSERT_FALSE(p.error);
    EXPECT_EQ(p.records[0].fields.first(), QStringLiteral("Handle"));
    EXPECT_EQ(p.records[1].fields[1], QString::fromUtf8("Caf\xC3\xA9"));
}

TEST(CsvReader, emptyFields_areEmptyNotNull)
{
    const Parsed p = parse("a,,\"\"\n");
    ASSERT_EQ(p.records.size(), 1);
    ASSERT_EQ(p.records[0].fields.size(), 3);
    for (const QString &field : p.records[0].fields.mid(1)) {
        EXPECT_TRUE(field.isEmpty());
        EXPECT_FALSE(field.isNull());
    }
}

TEST(CsvReader, unterminatedQuote_isAnErrorAtTheLineWhereTheRecordStarts)
{
    const Parsed p = parse("a,b\n1,2\n3,\"never closed\n4,5\n");
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.errorLine, 3);
    EXPECT_TRUE(p.message.contains(QStringLiteral("never closed"))) << p.message.toStdString();
}

TEST(CsvReader, strayQuoteInAnUnquotedField_isAnErrorWithItsLine)
{
    const Parsed p = parse("a,b\n1,2\n3,4\"5\n");
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.errorLine, 3);
    EXPECT_EQ(p.records.size(), 2);
}

TEST(CsvReader, textAfterAClosingQuote_isAnError)
{
    const Parsed p = parse("a,b\n\"x\"y,2\n");
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.errorLine, 2);
}

TEST(CsvReader, invalidUtf8_isAnError)
{
    const Parsed p = parse("a,b\nok,fine\n\xFF\xFE\xFA,x\n");
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.errorLine, 3);
    EXPECT_TRUE(p.message.contains(QStringLiteral("UTF-8")));
}

TEST(CsvReader, nulBytes_areReportedAsBinaryData)
{
    const Parsed p = parse(QByteArray("a,b\n1,\0\x01\x02\n", 11));
    ASSERT_TRUE(p.error);
    EXPECT_EQ(p.errorLine, 2);
    EXPECT_TRUE(p.message.contains(QStringLiteral("binary")));
}

TEST(CsvReader, readAll_prefixesTheLineToTheError)
{
    QByteArray bytes("a\n\"open\n");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto all = CsvReader::readAll(buffer);
    ASSERT_FALSE(all.ok());
    EXPECT_TRUE(all.error().message.startsWith(QStringLiteral("line 2:")))
        << all.error().message.toStdString();
}

TEST(CsvWriter, quotesOnlyWhenNeeded)
{
    EXPECT_EQ(CsvWriter::escape(QStringLiteral("plain text")), QStringLiteral("plain text"));
    EXPECT_EQ(CsvWriter::escape(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(CsvWriter::escape(QStringLiteral("say \"x\"")), QStringLiteral("\"say \"\"x\"\"\""));
    EXPECT_EQ(CsvWriter::escape(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer);
    writer.writeRecord({QStringLiteral("a"), QString(), QStringLiteral("c,d")});
    EXPECT_TRUE(writer.status().ok());
    EXPECT_EQ(out, QByteArray("a,,\"c,d\"\r\n"));
}

TEST(CsvWriter, whatItWritesReadsBackUnchanged)
{
    const QList<QStringList> rows{
        {QStringLiteral("Title"), QStringLiteral("Note")},
        {QString::fromUtf8("Caf\xC3\xA9 \xE2\x80\x94 \"best\""), QStringLiteral("a,b\r\nc")},
        {QStringLiteral(" lead"), QStringLiteral("trail ")},
        {QStringLiteral("")},
    };
    QByteArray out;
    QBuffer sink(&out);
    sink.open(QIODevice::WriteOnly);
    CsvWriter writer(sink);
    for (const QStringList &row : rows) {
        writer.writeRecord(row);
    }
    ASSERT_TRUE(writer.status().ok());
    const Parsed p = parse(out);
    ASSERT_FALSE(p.error) << p.message.toStdString();
    ASSERT_EQ(p.records.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(p.records[i].fields, rows[i]) << i;
    }
    EXPECT_EQ(p.records[3].line, 5); // the record with an embedded CRLF spans two lines
}

TEST(CsvWriter, aFailingDeviceIsReported)
{
    QBuffer closed;
    CsvWriter writer(closed);
    writer.writeRecord({QStringLiteral("x")});
    EXPECT_FALSE(writer.status().ok());
    EXPECT_EQ(writer.recordsWritten(), 0);
}
