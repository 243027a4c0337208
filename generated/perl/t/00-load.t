use strict;
use warnings;

use Test::More;

my @MODULES = (
    'ChatKit',
    'ChatKit::Model::ChatSession',
    'ChatKit::Model::ChatKitWorkflow',
    'ChatKit::Model::ChatKitWorkflowTracing',
    'ChatKit::Model::ChatSessionRateLimits',
    'ChatKit::Model::ChatSessionStatus',
    'ChatKit::Model::ChatSessionChatKitConfiguration',
    'ChatKit::Model::ChatSessionAutomaticThreadTitling',
    'ChatKit::Model::ChatSessionFileUpload',
    'ChatKit::Model::ChatSessionHistory',
    'ChatKit::Model::SessionCreateParams',
    'ChatKit::Model::ChatSessionWorkflowParam',
    'ChatKit::Model::ChatSessionWorkflowTracingParam',
    'ChatKit::Model::ChatSessionExpiresAfterParam',
    'ChatKit::Model::ChatSessionRateLimitsParam',
    'ChatKit::Model::ChatSessionChatKitConfigurationParam',
    'ChatKit::Model::ChatSessionAutomaticThreadTitlingParam',
    'ChatKit::Model::ChatSessionFileUploadParam',
    'ChatKit::Model::ChatSessionHistoryParam',
    'ChatKit::Model::ErrorResponse',
    'ChatKit::Model::Error',
    'ChatKit::Resource::Sessions',
);

for my $module (@MODULES) {
    require_ok($module);
}

done_testing;
