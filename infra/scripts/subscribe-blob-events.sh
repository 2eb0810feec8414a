#!/usr/bin/env sh
# azd postdeploy hook: subscribes AnalyzeImage to BlobCreated events in the uploads container. It runs after deploy
# because the webhook needs the blob extension's system key, which exists only once the host has loaded the
# function (as in the Azure-Samples eventgrid-blob quickstart). Idempotent: create updates an existing subscription.
set -eu
key=$(az functionapp keys list -n "$AZURE_FUNCTION_APP_NAME" -g "$RESOURCE_GROUP" --query "systemKeys.blobs_extension" -o tsv)
endpoint="https://${AZURE_FUNCTION_APP_NAME}.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.${ANALYZE_FUNCTION_NAME}&code=${key}"
az eventgrid system-topic event-subscription create \
  -n uploads-blob-created -g "$RESOURCE_GROUP" --system-topic-name "$UPLOADS_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${UPLOADS_CONTAINER}/"
echo "AnalyzeImage subscribed to BlobCreated in ${UPLOADS_CONTAINER}."
