#include "fsyncprobe.h"

#include <QDir>
#include <QElapsedTimer>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace Ledgerdesk::Cli {

namespace {

constexpr qint64 kBlock = 4096;

Core::Error ioError(const QString &what)
{
    return Core::makeError(Core::ErrorCode::Io,
                           what + QStringLiteral(": ")
                               + QString::fromLocal8Bit(std::strerror(errno)));
}

// Closes the descriptor and removes the file on every way out.
class ProbeFile final
{
public:
    explicit ProbeFile(QString path)
        : m_path(std::move(path))
        , m_fd(::open(QFile::encodeName(m_path).constData(), O_CREAT | O_TRUNC | O_WRONLY, 0600))
    {}

    ~ProbeFile()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            QFile::remove(m_path);
        }
    }

    Q_DISABLE_COPY_MOVE(ProbeFile)

    int fd() const { return m_fd; }

private:
    QString m_path;
    int m_fd;
};

} // namespace

Core::Result<LatencyStats> runFsyncProbe(const QString &dir, int count)
{
    ProbeFile file(QDir(dir).filePath(QStringLiteral("fsync-probe.bin")));
    if (file.fd() < 0) {
        return ioError(QStringLiteral("cannot create the fsync probe file"));
    }
    std::array<char, kBlock> block{};
    // Lay the file out first, as fio does, so the probe measures overwrites, not file growth.
    for (int i = 0; i < count; ++i) {
        if (::pwrite(file.fd(), block.data(), block.size(), i * kBlock) != kBlock) {
            return ioError(QStringLiteral("cannot lay out the fsync probe file"));
        }
    }
    if (::fsync(file.fd()) != 0) {
        return ioError(QStringLiteral("fsync"));
    }
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(count));
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        block[0] = static_cast<char>(i);
        timer.start();
        if (::pwrite(file.fd(), block.data(), block.size(), i * kBlock) != kBlock
            || ::fdatasync(file.fd()) != 0) {
            return ioError(QStringLiteral("write + fdatasync"));
        }
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0);
    }
    return latencyStats(std::move(samples));
}

} // namespace Ledgerdesk::Cli
