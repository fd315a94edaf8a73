#include "csvreader.h"

#include <QIODevice>
#include <QStringDecoder>

#include <csv.h>

#include <deque>

namespace Ledgerdesk::Core {

namespace {

constexpr qint64 kMaxLineBytes = 16 * 1024 * 1024;
constexpr int kRowNotBegun = 0; // libcsv's parser state between records

int noSpace(unsigned char)
{
    return 0; // spaces belong to the field (RFC 4180), libcsv would trim them by default
}

} // namespace

struct CsvReader::Parser
{
    csv_parser csv{};
    QStringList fields;
    std::deque<CsvRecord> ready;
    qint64 recordStart = 0;

    static void onField(void *data, size_t length, void *self)
    {
        auto *parser = static_cast<Parser *>(self);
        static const QString empty = QStringLiteral("");
        parser->fields << (length == 0 ? empty
                                       : QString::fromUtf8(static_cast<const char *>(data),
                                                           static_cast<qsizetype>(length)));
    }

    static void onRecord(int, void *self)
    {
        auto *parser = static_cast<Parser *>(self);
        parser->ready.push_back(CsvRecord{parser->recordStart, std::move(parser->fields)});
        parser->fields = QStringList();
    }
};

CsvReader::CsvReader(QIODevice &device)
    : m_device(device)
    , m_parser(std::make_unique<Parser>())
{
    csv_init(&m_parser->csv, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_space_func(&m_parser->csv, noSpace);
}

CsvReader::~CsvReader()
{
    csv_free(&m_parser->csv);
}

void CsvReader::fail(qint64 line, const QString &message)
{
    m_errorLine = line;
    m_error = makeError(ErrorCode::Validation, message);
}

bool CsvReader::feedLine()
{
    QByteArray line = m_device.readLine(kMaxLineBytes);
    if (line.isEmpty()) {
        m_finished = true;
        if (csv_fini(&m_parser->csv, Parser::onField, Parser::onRecord, m_parser.get()) != 0) {
            fail(m_parser->recordStart, tr("a quoted field that starts here is never closed"));
            return false;
        }
        return true;
    }
    ++m_line;
    m_bytesRead += line.size();
    if (line.size() >= kMaxLineBytes - 1 && !line.endsWith('\n')) {
        fail(m_line, tr("the line is longer than %1 bytes").arg(kMaxLineBytes));
        return false;
    }
    if (m_line == 1 && line.startsWith("\xEF\xBB\xBF")) {
        line.remove(0, 3);
    }
    if (line.contains('\0')) {
        fail(m_line, tr("binary data (a NUL byte), not CSV text"));
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(line); // converting is what sets hasError()
    if (decoder.hasError()) {
        fail(m_line, tr("not valid UTF-8 text"));
        return false;
    }
    if (m_parser->csv.pstate == kRowNotBegun) {
        m_parser->recordStart = m_line;
    }
    const auto size = static_cast<size_t>(line.size());
    if (csv_parse(&m_parser->csv,
                  line.constData(),
                  size,
                  Parser::onField,
                  Parser::onRecord,
                  m_parser.get())
        != size) {
        const int code = csv_error(&m_parser->csv);
        fail(m_line,
             code == CSV_EPARSE
                 ? tr("a stray quote, or text after a closing quote")
                 : tr("cannot be parsed: %1").arg(QString::fromLatin1(csv_strerror(code))));
        return false;
    }
    return true;
}

bool CsvReader::readRecord(CsvRecord &record)
{
    while (m_parser->ready.empty()) {
        if (m_error || m_finished || !feedLine()) {
            break;
        }
    }
    if (m_error || m_parser->ready.empty()) {
        return false;
    }
    record = std::move(m_parser->ready.front());
    m_parser->ready.pop_front();
    return true;
}

Result<QList<CsvRecord>> CsvReader::readAll(QIODevice &device)
{
    CsvReader reader(device);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.readRecord(record)) {
        records << std::move(record);
    }
    if (reader.hasError()) {
        return makeError(reader.error().code,
                         tr("line %1: %2").arg(reader.errorLine()).arg(reader.error().message));
    }
    return records;
}

} // namespace Ledgerdesk::Core
