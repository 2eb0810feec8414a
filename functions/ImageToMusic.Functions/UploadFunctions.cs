using Azure.Storage.Blobs;
using ImageToMusic.Server;
using ImageToMusic.Server.Uploads;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ImageToMusic.Functions;

/// <summary>
/// A photo uploaded to the uploads container, delivered by Event Grid: analysed and stored with its top tracks, as
/// the folder watcher does under `serve`. The photo is read through the uploads store by name (with its ETag and the
/// size limit), so a repeated delivery finds the stored analysis and is not decoded again.
/// </summary>
public sealed class UploadFunctions(UploadAnalysis analysis, ILogger<UploadFunctions> logger)
{
    [Function(nameof(AnalyzeImage))]
    public async Task AnalyzeImage(
        [BlobTrigger(UploadAnalysis.Container + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = AppSettings.UploadsConnectionString)] BlobClient upload,
        CancellationToken cancellation) =>
        logger.LogInformation("{Upload}", await analysis.AnalyzeAsync(upload.Name, cancellation));
}
