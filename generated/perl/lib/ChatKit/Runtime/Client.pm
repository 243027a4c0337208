package ChatKit::Runtime::Client;

use strict;
use warnings;

use Scalar::Util              qw(blessed);
use ChatKit::Error            ();
use ChatKit::Error::API       ();
use ChatKit::Error::Timeout   ();
use ChatKit::Runtime::JSON    qw(json_decode json_encode);
use ChatKit::Runtime::Retry   qw(should_retry_status retry_delay);
use ChatKit::Runtime::Types   qw(decode_value encode_value fail load_class);
use ChatKit::Runtime::Request qw(encode_path add_query header_text cookie_pieces
    multipart_body form_body);
use ChatKit::Runtime::Stream ();

our $VERSION = '0.01';

our $DEFAULT_TIMEOUT     = 600;
our $DEFAULT_MAX_RETRIES = 2;

my %CLIENT_OPTION = map { $_ => 1 } qw(base_url max_retries timeout default_headers http);
my %CALL_OPTION   = map { $_ => 1 } qw(timeout headers max_retries on_event);

sub new {
    my ( $class, %opt ) = @_;
    my $config     = $class->_config;
    my %credential = map { $_ => 1 } map { @{ $_->{args} } } @{ $config->{auth} };
    for my $key ( sort keys %opt ) {
        next if $CLIENT_OPTION{$key} || $credential{$key};
        ChatKit::Error->throw( message => "$class->new: unknown option '$key'" );
    }
    my $self = bless {
        base_url => $opt{base_url} // $ENV{ $config->{base_url_env} }
            // $config->{default_base_url},
        max_retries     => $opt{max_retries} // $DEFAULT_MAX_RETRIES,
        timeout         => $opt{timeout}     // $DEFAULT_TIMEOUT,
        default_headers => { %{ $opt{default_headers} || {} } },
        credentials     => {},
    }, $class;
    if ( $self->{max_retries} !~ /\A\d+\z/xms ) {
        ChatKit::Error->throw( message => "$class->new: max_retries must be an integer >= 0" );
    }
    $self->{base_url} =~ s{/+\z}{}xms;
    for my $scheme ( @{ $config->{auth} } ) {
        for my $i ( 0 .. $#{ $scheme->{args} } ) {
            my ( $arg, $env ) = ( $scheme->{args}[$i], $scheme->{envs}[$i] );
            my $value = $opt{$arg} // $ENV{$env};
            if ( !defined $value || $value eq q{} ) {
                next if !$scheme->{required};
                ChatKit::Error->throw(
                    message => "$class->new: $arg is required: pass $arg => ... or set $env" );
            }
            $self->{credentials}{$arg} = $value;
        }
    }
    $self->{http} = $opt{http};    # else made on the first request (start-up stays light)
    return $self;
}

sub base_url    { my ($self) = @_; return $self->{base_url} }
sub max_retries { my ($self) = @_; return $self->{max_retries} }
sub timeout     { my ($self) = @_; return $self->{timeout} }

sub user_agent {
    my ($self) = @_;
    my $config = $self->_config;
    return "$config->{name}/$config->{version} (Perl $^V; oasgen)";
}

# A resource object, made once (the generated accessors call this); its module is loaded
# on first use, so start-up does not pay for the resources a program never calls.
sub _resource {
    my ( $self, $name, $class ) = @_;
    return $self->{resources}{$name} ||= load_class($class)->new($self);
}

# (positional path values, named arguments, request options) of a call.
sub _split_args {
    my ( $self, $op, @args ) = @_;
    my $count      = @{ $op->{path_args} };
    my @positional = splice @args, 0, $count;
    if ( @positional < $count ) {
        fail( $op->{path_args}[ scalar @positional ],
            "is required (argument " . ( @positional + 1 ) . " of $op->{name})" );
    }
    my $options = @args % 2 && ref $args[-1] eq 'HASH' ? pop @args : {};
    fail( q{}, "$op->{name} takes name => value pairs after its path arguments" )
        if @args % 2;
    for my $key ( sort keys %{$options} ) {
        fail( $key, "is not a request option (timeout, headers, max_retries, on_event)" )
            if !$CALL_OPTION{$key};
    }
    return ( \@positional, {@args}, $options );
}

sub _call {
    my ( $self, $op, @args )             = @_;
    my ( $positional, $named, $options ) = $self->_split_args( $op, @args );
    my $request = $self->_prepare( $op, $positional, $named );
    my ($value) = $self->_execute( $op, $request, $options );
    return $value;
}

sub _prepare {
    my ( $self, $op, $positional, $named ) = @_;
    my %named = %{$named};
    my ( @path, @query, %headers, @cookies );
    my $index = 0;
    for my $param ( @{ $op->{params} } ) {
        my $value;
        if    ( defined $param->{const} ) { $value = $param->{const} }
        elsif ( $param->{in} eq 'path' )  { $value = $positional->[ $index++ ] }
        elsif ( exists $named{ $param->{arg} } ) {
            $value = delete $named{ $param->{arg} };
        }
        elsif ( $param->{required} ) { fail( $param->{arg}, 'is required' ) }
        else                         {next}
        $value = decode_value( $param->{type}, $value, $param->{arg} )
            if !defined $param->{const};
        my @style = ( $param->{style}, $param->{explode} );
        if ( defined $param->{content} ) {
            $value = json_encode( encode_value($value) );
            @style = ( 'form', 1 );
        }
        if    ( $param->{in} eq 'path' ) { push @path, [ $param->{name}, $value, @style ] }
        elsif ( $param->{in} eq 'query' ) {
            add_query( \@query, $param->{name}, $value, @style, $param->{reserved} );
        }
        elsif ( $param->{in} eq 'header' ) {
            my $text = header_text( $value, $style[1] );
            $headers{ $param->{name} } = $text if defined $text;
        }
        else { push @cookies, cookie_pieces( $param->{name}, $value, $style[1] ) }
    }
    my ( $type, $content ) = $self->_body( $op, \%named );
    my $url = $self->{base_url} . encode_path( $op->{path}, \@path );
    $url .= q{?} . join q{&}, @query if @query;
    $headers{'content-type'} = $type if defined $type;
    $headers{cookie}         = join '; ', @cookies if @cookies;
    return {
        method  => $op->{method},
        url     => $url,
        headers => \%headers,
        ( defined $content ? ( content => $content ) : () )
    };
}

sub _body {
    my ( $self, $op, $named ) = @_;
    my $body = $op->{body};
    if ( !$body ) {
        fail( ( sort keys %{$named} )[0], "is not a parameter of $op->{name}" ) if %{$named};
        return;
    }
    my $value;
    if ( $body->{fields} ) {    # the body model's fields are the call's arguments
        my $class = load_class( $body->{type}{class} );
        return if !%{$named} && !$body->{required};
        my $whole
            = keys %{$named} == 1
            && exists $named->{body}
            && !grep { $_->{arg} eq 'body' } @{ $class->_fields };
        $value
            = !$whole                ? $class->new( %{$named} )
            : blessed $named->{body} ? decode_value( $body->{type}, $named->{body}, 'body' )
            :                          $class->from_hash( $named->{body} );
    }
    else {
        my %rest  = %{$named};
        my $given = exists $rest{body};
        $value = delete $rest{body};
        fail( ( sort keys %rest )[0], "is not a parameter of $op->{name}" ) if %rest;
        if ( !$given ) {
            fail( 'body', 'is required' ) if $body->{required};
            return;
        }
        $value = decode_value( $body->{type}, $value, 'body' );
    }
    my $encoding = $body->{encoding};
    return multipart_body( _hash_of($value) ) if $encoding eq 'multipart';
    return ( $body->{content_type}, form_body( _hash_of($value) ) )
        if $encoding eq 'form';
    if ( $encoding eq 'binary' || $encoding eq 'text' ) {
        utf8::encode($value) if utf8::is_utf8($value);
        return ( $body->{content_type}, $value );
    }
    return ( $body->{content_type}, json_encode( encode_value($value) ) );
}

sub _hash_of {
    my ($value) = @_;
    return $value if !blessed $value || !$value->can('to_hash');
    return { %{ $value->{_x} }, %{ $value->{_v} } };    # files kept as given
}

sub _auth {
    my ( $self, $op, $request ) = @_;
    my $config       = $self->_config;
    my $alternatives = $op->{security} // $config->{security};
    return if !@{$alternatives};
    my %scheme = map { $_->{name} => $_ } @{ $config->{auth} };
    my %have   = %{ $self->{credentials} };
ALTERNATIVE:
    for my $names ( @{$alternatives} ) {
        for my $name ( @{$names} ) {
            my $s = $scheme{$name} or next ALTERNATIVE;
            next ALTERNATIVE if grep { !defined $have{$_} } @{ $s->{args} };
        }
        _apply( $scheme{$_}, $self->{credentials}, $request ) for @{$names};
        return;
    }
    my @args = map { @{ $_->{args} } } grep {defined} map { $scheme{$_} } @{ $alternatives->[0] };
    ChatKit::Error->throw(
        message => "$op->{name} needs credentials: pass " . join( ', ', @args ) . ' to new' );
    return;
}

sub _apply {
    my ( $scheme, $credentials, $request ) = @_;
    my @values = map { $credentials->{$_} } @{ $scheme->{args} };
    my $kind   = $scheme->{kind};
    if ( $kind eq 'basic' ) {
        require MIME::Base64;
        $request->{headers}{authorization}
            = 'Basic ' . MIME::Base64::encode_base64( join( q{:}, @values ), q{} );
    }
    elsif ( $kind eq 'http' ) {
        $request->{headers}{authorization} = "$scheme->{http_scheme} $values[0]";
    }
    elsif ( $kind eq 'api-key' && $scheme->{in} eq 'header' ) {
        $request->{headers}{ $scheme->{param} } = $values[0];
    }
    elsif ( $kind eq 'api-key' && $scheme->{in} eq 'query' ) {
        my @query;
        add_query( \@query, $scheme->{param}, $values[0], 'form', 1 );
        $request->{url} .= ( $request->{url} =~ /[?]/xms ? q{&} : q{?} ) . $query[0];
    }
    elsif ( $kind eq 'api-key' ) {
        my $cookie = join q{}, cookie_pieces( $scheme->{param}, $values[0], 1 );
        $request->{headers}{cookie} = join '; ', grep {defined} $request->{headers}{cookie},
            $cookie;
    }
    else { $request->{headers}{authorization} = "Bearer $values[0]" }
    return;
}

# Send with retries; (decoded value, response headers) or dies with a ChatKit::Error.
sub _execute {
    my ( $self, $op, $request, $options ) = @_;
    $self->_auth( $op, $request );
    my %headers = (
        accept => $op->{accept} || 'application/json',
        %{ $self->{default_headers} },
        %{ $request->{headers} },
        %{ $options->{headers} || {} },
    );
    my $http = $self->{http} ||= $self->_http( $self->{timeout} );
    $http = $self->_http( $options->{timeout} ) if defined $options->{timeout};
    my $max = $options->{max_retries} // $self->{max_retries};
    my $stream
        = $op->{stream}
        ? ChatKit::Runtime::Stream->new( $op->{stream}, $options->{on_event} )
        : undef;
    for ( my $retries = 0;; $retries++ ) {  ## no critic (ControlStructures::ProhibitCStyleForLoops)
        my %send = ( headers => { %headers, ( $retries ? ( 'x-retry-count' => $retries ) : () ) } );
        $send{content} = $request->{content} if defined $request->{content};
        $stream->reset if $stream;
        $send{data_callback} = $stream->callback if $stream;
        my $res         = $http->request( $request->{method}, $request->{url}, \%send );
        my $res_headers = _headers( $res->{headers} );
        if ( $res->{status} == 599 ) {
            if ( $retries < $max ) { _sleep( retry_delay( $retries, undef, rand, time ) ); next }
            my $reason = $res->{content} // 'connection failed';
            $reason =~ s/\s+\z//xms;
            my $class
                = $reason =~ /timed?\s*out|timeout/ixms
                ? 'ChatKit::Error::Timeout'
                : 'ChatKit::Error::Connection';
            $class->throw( message => "$request->{method} $request->{url}: $reason" );
        }
        if ( $res->{status} >= 200 && $res->{status} < 300 ) {
            return ( $stream->finish,                             $res_headers ) if $stream;
            return ( _decode( $op->{response}, $res->{content} ), $res_headers );
        }
        if ( $retries < $max && should_retry_status( $res->{status}, $res_headers ) ) {
            _sleep( retry_delay( $retries, $res_headers, rand, time ) );
            next;
        }
        my $content = $stream ? $stream->raw : $res->{content};
        _throw_status( $request, $res, $res_headers, $content );
    }
    return;
}

sub _http {
    my ( $self, $timeout ) = @_;
    require HTTP::Tiny;
    return HTTP::Tiny->new( timeout => $timeout, agent => $self->user_agent );
}

sub _sleep {
    my ($seconds) = @_;
    require Time::HiRes;
    Time::HiRes::sleep($seconds) if $seconds > 0;
    return;
}

sub _headers {
    my ($raw) = @_;
    my %out;
    for my $key ( keys %{ $raw || {} } ) {
        my $value = $raw->{$key};
        $out{ lc $key } = ref $value eq 'ARRAY' ? join( ', ', @{$value} ) : $value;
    }
    return \%out;
}

sub _decode {
    my ( $response, $content ) = @_;
    my $encoding = $response->{encoding};
    return          if $encoding eq 'none';
    return $content if $encoding eq 'binary';
    if ( $encoding eq 'text' ) {
        utf8::decode($content);
        return $content;
    }
    return if !defined $content || $content eq q{};
    my $data = eval { json_decode($content) };
    fail( q{}, 'the response is not valid JSON' ) if $@;
    return $data                                  if !$response->{type};
    return decode_value( $response->{type}, $data, q{} );
}

sub _throw_status {
    my ( $request, $res, $headers, $content ) = @_;
    my $body   = eval { json_decode($content) } // $content;
    my $detail = q{};
    if ( ref $body eq 'HASH' ) {
        my $error = ref $body->{error} eq 'HASH' ? $body->{error}{message} : undef;
        $detail = $error // $body->{message} // $body->{detail} // q{};
        $detail = ref $detail ? json_encode($detail) : $detail;
    }
    elsif ( defined $body && !ref $body ) { $detail = substr $body, 0, 200 }
    my $class   = ChatKit::Error::API->class_for_status( $res->{status} );
    my $message = "$request->{method} $request->{url}: $res->{status} $res->{reason}";
    $message .= ": $detail" if length $detail;
    $class->throw(
        message    => $message,
        status     => $res->{status},
        body       => $body,
        headers    => $headers,
        request_id => $headers->{'x-request-id'},
    );
    return;
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Client - the HTTP machinery behind the generated client

=head1 DESCRIPTION

Request building, credentials, retries and error mapping, shared by every call.
See L<ChatKit> for the options of C<new>.

=head1 METHODS

=over 4

=item new(%options)

=item base_url, timeout, max_retries, user_agent

=back

=cut
